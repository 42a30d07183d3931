package org.instaclone.metrics.rollup;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The per-day counters: written by the event consumers, read by the insight API. */
@Service
public class Rollups {

	/** The subject of platform-wide metrics. */
	public static final UUID PLATFORM = new UUID(0, 0);

	private final DailyRollupRepository rollups;

	Rollups(DailyRollupRepository rollups) {
		this.rollups = rollups;
	}

	/** Counts {@code delta} more of the metric; joins the caller's (consumer's) transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void add(Metric metric, UUID subject, LocalDate day, long delta) {
		rollups.increment(metric.key(), subject, day, delta);
	}

	/** The metric for each day from {@code from} to {@code to} inclusive, oldest first, zero where nothing happened. */
	@Transactional(readOnly = true)
	public Map<LocalDate, Long> daily(Metric metric, UUID subject, LocalDate from, LocalDate to) {
		Map<LocalDate, Long> series = new LinkedHashMap<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			series.put(day, 0L);
		}
		rollups.findByKeyMetricAndKeySubjectIdAndKeyDayBetween(metric.key(), subject, from, to)
			.forEach(r -> series.put(r.day(), r.value()));
		return series;
	}
}
