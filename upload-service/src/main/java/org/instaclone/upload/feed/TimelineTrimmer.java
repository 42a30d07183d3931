package org.instaclone.upload.feed;

import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every materialised timeline to its newest {@code instaclone.feed.timeline-limit} entries
 * (800, like the home timelines of the large networks): a fan-out adds a row per follower per post, so
 * without a cap the table grows with time instead of with users. Runs every
 * {@code instaclone.feed.trim-interval}; each viewer is trimmed in one statement that finds the first
 * entry past the limit through the feed's own index ({@code timeline_read}) and deletes it and
 * everything older. Viewers are handled in batches, one short transaction each, so fan-out writes are
 * never blocked for long. Deleting is idempotent: two instances trimming at once do the same work twice,
 * never anything wrong.
 */
@Component
class TimelineTrimmer {

	private static final Logger logger = LoggerFactory.getLogger(TimelineTrimmer.class);

	private static final int VIEWERS_PER_TRANSACTION = 200;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final FeedProperties properties;

	private final Counter trimmed;

	TimelineTrimmer(JdbcClient jdbc, TransactionTemplate transactions, FeedProperties properties,
			MeterRegistry registry) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.trimmed = Counter.builder("feed.timeline.trimmed")
			.description("Timeline entries removed because a timeline was over its limit")
			.register(registry);
	}

	@Scheduled(initialDelayString = "${instaclone.feed.trim-interval:1h}",
			fixedDelayString = "${instaclone.feed.trim-interval:1h}")
	void trimOnSchedule() {
		long removed = trim(this.properties.timelineLimit());
		if (removed > 0) {
			logger.info("Trimmed {} timeline entries beyond the newest {} per viewer", removed,
					this.properties.timelineLimit());
		}
	}

	/** Trims every timeline to its newest {@code limit} entries; returns how many entries were removed. */
	long trim(int limit) {
		List<UUID> crowded = this.jdbc
			.sql("select viewer_id from timeline group by viewer_id having count(*) > :limit")
			.param("limit", limit)
			.query(UUID.class)
			.list();
		long removed = 0;
		for (int from = 0; from < crowded.size(); from += VIEWERS_PER_TRANSACTION) {
			List<UUID> batch = crowded.subList(from, Math.min(crowded.size(), from + VIEWERS_PER_TRANSACTION));
			Integer deleted = this.transactions.execute((status) -> this.jdbc.sql("""
					delete from timeline t
					using unnest(array[:viewers]) as v(viewer_id),
					  lateral (select x.created_at, x.post_id from timeline x where x.viewer_id = v.viewer_id
					           order by x.created_at desc, x.post_id desc offset :limit limit 1) cutoff
					where t.viewer_id = v.viewer_id
					  and (t.created_at, t.post_id) <= (cutoff.created_at, cutoff.post_id)""")
				.param("viewers", batch)
				.param("limit", limit)
				.update());
			removed += (deleted != null) ? deleted : 0;
		}
		this.trimmed.increment(removed);
		return removed;
	}
}
