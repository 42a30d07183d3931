package org.instaclone.metrics.insight;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.instaclone.metrics.owner.Owners;
import org.instaclone.metrics.rollup.Grain;
import org.instaclone.metrics.rollup.Metric;
import org.instaclone.metrics.rollup.Rollups;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class InsightService {

	private final Rollups rollups;

	private final Owners owners;

	private final JdbcClient jdbc;

	private final Clock clock = Clock.systemUTC();

	InsightService(Rollups rollups, Owners owners, JdbcClient jdbc) {
		this.rollups = rollups;
		this.owners = owners;
		this.jdbc = jdbc;
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

	FollowerSeries followers(UUID user, String granularity, @Nullable Instant from, @Nullable Instant to) {
		SeriesRange range = SeriesRange.of(granularity, from, to, clock);
		Map<Instant, Long> gained = series(Metric.FOLLOWER_GAINS, user, range);
		Map<Instant, Long> lost = series(Metric.FOLLOWER_LOSSES, user, range);
		List<FollowerSeries.Point> points = gained.keySet()
			.stream()
			.map(at -> new FollowerSeries.Point(at, gained.get(at), lost.get(at), gained.get(at) - lost.get(at)))
			.toList();
		return new FollowerSeries(range.grain().key(), range.step(), range.from(), range.to(),
				points.stream().mapToLong(FollowerSeries.Point::net).sum(), points);
	}

	/** Views of one of the viewer's posts; anyone else's (or an unknown) post is not found. */
	Series postViews(UUID user, UUID postId, String granularity, @Nullable Instant from, @Nullable Instant to) {
		SeriesRange range = SeriesRange.of(granularity, from, to, clock);
		if (!owners.isAuthor(user, postId)) {
			throw NotFoundException.post();
		}
		return Series.of(Metric.POST_VIEWS.key(), range, series(Metric.POST_VIEWS, postId, range));
	}

	/** The viewer's posts with the most views over whole UTC days, most viewed first (ties: by id). */
	TopPosts topPosts(UUID user, @Nullable Instant from, @Nullable Instant to, int limit) {
		SeriesRange range = SeriesRange.of(Grain.DAY.key(), from, to, clock);
		List<TopPosts.Post> posts = jdbc.sql("""
				select r.subject_id, sum(r.value) as views
				from post_owner o join rollup r
				  on r.metric = ? and r.subject_id = o.post_id and r.grain = 'day' and r.bucket between ? and ?
				where o.author_id = ?
				group by r.subject_id
				order by views desc, r.subject_id
				limit ?""")
			.params(Metric.POST_VIEWS.key(), Timestamp.from(range.from()), Timestamp.from(range.to()), user, limit)
			.query((rs, n) -> new TopPosts.Post(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list();
		return new TopPosts(LocalDate.ofInstant(range.from(), ZoneOffset.UTC),
				LocalDate.ofInstant(range.to(), ZoneOffset.UTC), posts);
	}

	/** Impressions, clicks, CTR and spend of one of the viewer's campaigns; anyone else's is not found. */
	CampaignSeries campaign(UUID user, UUID campaignId, String granularity, @Nullable Instant from,
			@Nullable Instant to) {
		SeriesRange range = SeriesRange.of(granularity, from, to, clock);
		if (!owners.isAdvertiser(user, campaignId)) {
			throw NotFoundException.campaign();
		}
		Map<Instant, Long> impressions = series(Metric.AD_IMPRESSIONS, campaignId, range);
		Map<Instant, Long> clicks = series(Metric.AD_CLICKS, campaignId, range);
		Map<Instant, Long> spend = series(Metric.AD_SPEND, campaignId, range);
		List<CampaignSeries.Point> points = impressions.keySet()
			.stream()
			.map(at -> new CampaignSeries.Point(at, impressions.get(at), clicks.get(at),
					CampaignSeries.ctr(clicks.get(at), impressions.get(at)), spend.get(at)))
			.toList();
		long totalImpressions = points.stream().mapToLong(CampaignSeries.Point::impressions).sum();
		long totalClicks = points.stream().mapToLong(CampaignSeries.Point::clicks).sum();
		return new CampaignSeries(range.grain().key(), range.step(), range.from(), range.to(),
				new CampaignSeries.Totals(totalImpressions, totalClicks, CampaignSeries.ctr(totalClicks, totalImpressions),
						points.stream().mapToLong(CampaignSeries.Point::spendMillicents).sum()),
				points);
	}

	/** Webhook deliveries and failures of one of the viewer's apps; anyone else's is not found. */
	WebhookSeries webhooks(UUID user, UUID appId, String granularity, @Nullable Instant from, @Nullable Instant to) {
		SeriesRange range = SeriesRange.of(granularity, from, to, clock);
		if (!owners.isAppOwner(user, appId)) {
			throw NotFoundException.app();
		}
		Map<Instant, Long> deliveries = series(Metric.WEBHOOK_DELIVERIES, appId, range);
		Map<Instant, Long> failures = series(Metric.WEBHOOK_FAILURES, appId, range);
		List<WebhookSeries.Point> points = deliveries.keySet()
			.stream()
			.map(at -> new WebhookSeries.Point(at, deliveries.get(at), failures.get(at)))
			.toList();
		return new WebhookSeries(range.grain().key(), range.step(), range.from(), range.to(),
				new WebhookSeries.Totals(points.stream().mapToLong(WebhookSeries.Point::deliveries).sum(),
						points.stream().mapToLong(WebhookSeries.Point::failures).sum()),
				points);
	}

	PlatformSeries platform(String metricKey, int days) {
		Metric metric = platformMetric(metricKey);
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

	Series platform(String metricKey, String granularity, @Nullable Instant from, @Nullable Instant to) {
		Metric metric = platformMetric(metricKey);
		SeriesRange range = SeriesRange.of(granularity, from, to, clock);
		return Series.of(metric.key(), range, series(metric, Rollups.PLATFORM, range));
	}

	private static Metric platformMetric(String key) {
		return Metric.platformMetric(key).orElseThrow(() -> new UnknownMetricException(key));
	}

	private Map<Instant, Long> series(Metric metric, UUID subject, SeriesRange range) {
		if (!metric.grains().contains(range.requested())) {
			throw new InvalidRangeException("'" + metric.key() + "' is kept per "
					+ String.join(" and ", metric.grains().stream().map(Grain::key).toList()) + ", not per "
					+ range.requested().key() + ".");
		}
		return rollups.series(metric, subject, range.resolution());
	}
}
