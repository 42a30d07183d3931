package org.instaclone.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox relay tuning.
 *
 * @param enabled whether this instance relays (producers only; consumers may turn it off)
 * @param batchSize rows claimed per transaction
 * @param sendTimeout how long to wait for the broker's acknowledgement before retrying later
 * @param retention how long sent rows are kept (for inspection) before deletion
 */
@ConfigurationProperties("instaclone.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("200") int batchSize,
		@DefaultValue("10s") Duration sendTimeout, @DefaultValue("1d") Duration retention) {
}
