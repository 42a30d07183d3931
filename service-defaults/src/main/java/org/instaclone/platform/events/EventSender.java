package org.instaclone.platform.events;

import java.util.concurrent.CompletableFuture;

/**
 * Where the outbox relay hands committed events: the one transport seam on the publishing side. A
 * microservice sends them to Kafka ({@link KafkaEventSender}, the default); the monolith twin
 * registers its own in-process sender (docs/monolith.md). The relay marks an event sent only when the
 * returned future completes normally, so a sender that fails leaves it in the outbox to be retried.
 */
@FunctionalInterface
public interface EventSender {

	/**
	 * @param topic the event's topic (one per producing aggregate, e.g. {@code follows})
	 * @param key the partition key; events with the same key keep their order
	 * @param payload the CloudEvents JSON exactly as written to the outbox
	 * @return completes when the transport has accepted the event for good
	 */
	CompletableFuture<?> send(String topic, String key, String payload);
}
