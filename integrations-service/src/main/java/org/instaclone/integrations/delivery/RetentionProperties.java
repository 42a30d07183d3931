package org.instaclone.integrations.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long finished deliveries (with their payload and attempts) are kept for the owner to inspect.
 * @param delivered age (since it finished) at which a delivered delivery is deleted
 * @param failed age (since it finished) at which a failed one is deleted
 * @param batchSize rows deleted per transaction, so a large backlog never holds long locks
 * @param interval how often the job runs ({@code instaclone.integrations.retention.interval}, read by
 * {@link DeliveryRetention}'s schedule)
 */
@ConfigurationProperties("instaclone.integrations.retention")
record RetentionProperties(@DefaultValue("30d") Duration delivered, @DefaultValue("30d") Duration failed,
		@DefaultValue("1000") int batchSize, @DefaultValue("1h") Duration interval) {
}
