package org.instaclone.integrations.delivery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.events.CloudEvent;
import org.instaclone.platform.events.CloudEvents;
import org.instaclone.platform.events.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumes the domain topics apps can subscribe to and records what each endpoint is owed. An app
 * receives events about its owner only: a user event about the owner, a follow event where the owner
 * follows or is followed. Each event id is fanned out once ({@link ProcessedEvents}).
 * <p>
 * Batch listeners: a whole poll (up to {@code max.poll.records}) is fanned out in <b>one</b>
 * transaction, one commit instead of one per event, with one statement to skip events seen before and
 * one query for the subscribers of all of them. Every record is read <i>before</i> that
 * transaction; if one is unreadable, the readable ones before it are committed and a
 * {@link BatchListenerFailedException} names its index, so the error handler commits the offsets before
 * it, sends it to {@code <topic>-dlt} and polls the ones after it again. Nothing before it is lost or
 * repeated, nothing after it is skipped.
 */
@Component
class DomainEventListener {

	private final CloudEvents cloudEvents;

	private final Deliveries deliveries;

	private final TransactionTemplate tx;

	DomainEventListener(CloudEvents cloudEvents, Deliveries deliveries, TransactionTemplate tx) {
		this.cloudEvents = cloudEvents;
		this.deliveries = deliveries;
		this.tx = tx;
	}

	@KafkaListener(id = "integrations.users", idIsGroup = false, topics = "users", batch = "true")
	public void onUsers(List<ConsumerRecord<String, String>> records) {
		consume("integrations.users", records, UserData.class,
				data -> data.userId() == null ? Set.of() : Set.of(data.userId()));
	}

	@KafkaListener(id = "integrations.follows", idIsGroup = false, topics = "follows", batch = "true")
	public void onFollows(List<ConsumerRecord<String, String>> records) {
		consume("integrations.follows", records, FollowData.class, data -> {
			Set<UUID> concerning = new LinkedHashSet<>();
			if (data.followerId() != null) {
				concerning.add(data.followerId());
			}
			if (data.followeeId() != null) {
				concerning.add(data.followeeId());
			}
			return concerning;
		});
	}

	private <T> void consume(String consumer, List<ConsumerRecord<String, String>> records, Class<T> dataType,
			Function<T, Set<UUID>> concerning) {
		List<Deliveries.ConsumedEvent> readable = new ArrayList<>(records.size());
		RuntimeException unreadable = null;
		int failedAt = -1;
		for (int i = 0; i < records.size(); i++) {
			String payload = records.get(i).value();
			try {
				CloudEvent<T> event = cloudEvents.read(Objects.requireNonNull(payload, "no value"), dataType);
				if (event.id() == null || event.type() == null || event.data() == null) {
					throw new IllegalArgumentException("not a CloudEvent with id, type and data");
				}
				readable.add(new Deliveries.ConsumedEvent(event.id(), event.type(), concerning.apply(event.data()),
						payload));
			}
			catch (RuntimeException ex) {
				unreadable = ex instanceof NullPointerException ? new IllegalArgumentException(ex.getMessage(), ex) : ex;
				failedAt = i;
				break;
			}
		}
		if (!readable.isEmpty()) {
			tx.executeWithoutResult(status -> deliveries.fanOutAll(consumer, readable));
		}
		if (unreadable != null) {
			throw new BatchListenerFailedException("Unreadable event: " + unreadable.getMessage(), unreadable,
					failedAt);
		}
	}

	/** This consumer's view of {@code users} payloads. */
	record UserData(@Nullable UUID userId) {
	}

	/** This consumer's view of {@code follows} payloads. */
	record FollowData(@Nullable UUID followerId, @Nullable UUID followeeId) {
	}
}
