package org.instaclone.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that consumes one topic's events, whatever carries them: the consuming seam, as
 * {@link EventSender} is the publishing one. The deployment provides the edge: in a microservice
 * {@code KafkaEventConsumers} runs a Kafka listener container per method (consumer group
 * {@code spring.application.name}, the platform's error handler and {@code <topic>-dlt}); the monolith
 * twin calls the method in process. Feature code names no transport type.
 * <p>
 * The method takes the events' CloudEvents JSON as the producer wrote it to its outbox, either one
 * event ({@code void on(String payload)}) or a batch in delivery order
 * ({@code void on(List<String> payloads)}: one poll, for one transaction per poll). A batch method
 * that cannot process the event at some index, after committing the ones before it, throws
 * {@link EventBatchException} with that index: the events before it are not delivered again, that one
 * goes to the dead letters, the ones after it are delivered again. Any other exception fails the
 * whole call, which is retried. Consumers must be idempotent ({@link ProcessedEvents}): every
 * transport here delivers at least once.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EventConsumer {

	/**
	 * The consumer's name, unique in its service: its key in {@code processed_event}, and the Kafka
	 * listener id and client id prefix (so consumer lag says whose it is).
	 */
	String name();

	/** The topic consumed, e.g. {@code follows}. */
	String topic();
}
