package org.instaclone.metrics.view;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Beacon ingestion settings ({@code instaclone.views.*}).
 *
 * @param maxAge oldest {@code viewedAt} accepted; also how long event ids are remembered (plus
 * {@code retentionMargin}), because an older replay is refused anyway
 * @param maxSkew how far ahead of the server's clock a client's {@code viewedAt} may be
 * @param queueCapacity views held in memory waiting for a write; beyond it the beacon answers 503
 * @param batchSize views written per statement (at most; a write takes what is queued)
 * @param writers threads writing batches
 * @param writeTimeout how long a request waits for its batch to be stored before answering 503
 * @param retentionMargin kept beyond {@code maxAge} before a view's row is deleted
 */
@ConfigurationProperties("instaclone.views")
record ViewProperties(@DefaultValue("24h") Duration maxAge, @DefaultValue("5m") Duration maxSkew,
		@DefaultValue("50000") int queueCapacity, @DefaultValue("10000") int batchSize, @DefaultValue("2") int writers,
		@DefaultValue("5s") Duration writeTimeout, @DefaultValue("1h") Duration retentionMargin) {
}
