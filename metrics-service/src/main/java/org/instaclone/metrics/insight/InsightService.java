package org.instaclone.metrics.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.instaclone.metrics.rollup.Metric;
import org.instaclone.metrics.rollup.Rollups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class InsightService {

	private final Rollups rollups;

	private final Clock clock = Clock.systemUTC();

	InsightService(Rollups rollups) {
		this.rollups = rollups;
	}

	/** The last {@code days} days including today (UTC). */
	FollowerTrend followers(UUID user, int days) {
		LocalDate to = LocalDate.now(clock);
		LocalDate from = to.minusDays(days - 1L);
		Map<LocalDate, Long> gained = rollups.daily(Metric.FOLLOWER_GAINS, user, from, to);
		Map<LocalDate, Long> lost = rollups.daily(Metric.FOLLOWER_LOSSES, user, from, to);
		List<FollowerDay> series = gained.keySet()
			.stream()
			.map(day -> new FollowerDay(day, gained.get(day), lost.get(day), gained.get(day) - lost.get(day)))
			.toList();
		return new FollowerTrend(from, to, series.stream().mapToLong(FollowerDay::net).sum(), series);
	}

	PlatformSeries platform(String metricKey, int days) {
		Metric metric = Metric.platformMetric(metricKey).orElseThrow(() -> new UnknownMetricException(metricKey));
		LocalDate to = LocalDate.now(clock);
		LocalDate from = to.minusDays(days - 1L);
		List<PlatformSeries.Point> points = rollups.daily(metric, Rollups.PLATFORM, from, to)
			.entrySet()
			.stream()
			.map(e -> new PlatformSeries.Point(e.getKey(), e.getValue()))
			.toList();
		return new PlatformSeries(metric.key(), from, to, points.stream().mapToLong(PlatformSeries.Point::value).sum(),
				points);
	}
}
