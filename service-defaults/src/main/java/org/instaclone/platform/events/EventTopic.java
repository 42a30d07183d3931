package org.instaclone.platform.events;

/**
 * A topic a service produces to, declared as a bean. The deployment creates it: in a microservice
 * {@code KafkaEventConsumers} turns every {@code EventTopic} into a Kafka topic through Boot's
 * {@code KafkaAdmin} (created if missing, at start-up); the monolith twin needs none.
 * @param name the topic, e.g. {@code posts}
 * @param partitions how many partitions (the unit of consumer parallelism; keys keep their order)
 */
public record EventTopic(String name, int partitions) {

	/** Three partitions: the platform's default (docs/events.md). */
	public static EventTopic of(String name) {
		return new EventTopic(name, 3);
	}
}
