package org.instaclone.integrations.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes finished deliveries (and, by cascade, their attempts) once they are older than
 * {@link RetentionProperties}: delivered ones after {@code delivered}, failed ones after {@code failed},
 * counted from when they finished. Pending deliveries are never touched. Deletes in batches of
 * {@code batchSize}, one short transaction each, skipping rows another instance is deleting.
 */
@Component
class DeliveryRetention {

	private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final RetentionProperties properties;

	private final Clock clock;

	DeliveryRetention(JdbcClient jdbc, TransactionTemplate tx, RetentionProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${instaclone.integrations.retention.interval:1h}",
			fixedDelayString = "${instaclone.integrations.retention.interval:1h}")
	void scheduled() {
		try {
			prune();
		}
		catch (RuntimeException ex) {
			log.warn("Deleting old webhook deliveries failed; trying again at the next run", ex);
		}
	}

	/** Deletes everything past retention now. @return how many deliveries were deleted */
	int prune() {
		Instant now = clock.instant();
		int deleted = prune("DELIVERED", now.minus(properties.delivered()))
				+ prune("FAILED", now.minus(properties.failed()));
		if (deleted > 0) {
			log.info("Deleted {} finished webhook deliveries past retention", deleted);
		}
		return deleted;
	}

	private int prune(String status, Instant finishedBefore) {
		int total = 0;
		int batch;
		do {
			Integer n = tx.execute(s -> jdbc.sql("""
					delete from delivery where id in (
					    select id from delivery
					    where status = :status and finished_at < :before
					    limit :batch
					    for update skip locked)""")
				.param("status", status)
				.param("before", finishedBefore.atOffset(ZoneOffset.UTC))
				.param("batch", properties.batchSize())
				.update());
			batch = n == null ? 0 : n;
			total += batch;
		}
		while (batch == properties.batchSize());
		return total;
	}
}
