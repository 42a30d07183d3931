package org.instaclone.integrations.delivery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

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
 * Listens in batches and fans a whole poll out in one transaction: one commit (one disk flush) per
 * batch instead of per event, which is what lets a single consumer keep up with hundreds of events a
 * second. An unreadable event splits the batch: the events before it are committed, then
 * {@link BatchListenerFailedException} tells the platform's error handler which record to send to
 * {@code <topic>-dlt}, and the ones after it are polled again. A database failure rolls the batch back
 * and it is retried as a whole (duplicates are harmless: the dedupe is in the same transaction).
 */
@Component
class DomainEventListener {

	private final CloudEvents cloudEvents;

	private final ProcessedEvents processed;

	private final Deliveries deliveries;

	private final TransactionTemplate tx;

	DomainEventListener(CloudEvents cloudEvents, ProcessedEvents processed, Deliveries deliveries,
			TransactionTemplate tx) {
		this.cloudEvents = cloudEvents;
		this.processed = processed;
		this.deliveries = deliveries;
		this.tx = tx;
	}

	@KafkaListener(id = "integrations.users", idIsGroup = false, topics = "users", batch = "true")
	public void onUsers(List<String> payloads) {
		inBatches(payloads, UserData.class, "integrations.users",
				data -> data.userId() == null ? Set.of() : Set.of(data.userId()));
	}

	@KafkaListener(id = "integrations.follows", idIsGroup = false, topics = "follows", batch = "true")
	public void onFollows(List<String> payloads) {
		inBatches(payloads, FollowData.class, "integrations.follows", data -> {
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

	private <T> void inBatches(List<String> payloads, Class<T> type, String consumer,
			Function<T, Set<UUID>> concerning) {
		List<CloudEvent<T>> events = new ArrayList<>(payloads.size());
		RuntimeException unreadable = null;
		for (String payload : payloads) {
			try {
				events.add(cloudEvents.read(payload, type));
			}
			catch (RuntimeException ex) {
				unreadable = ex;
				break;
			}
		}
		tx.executeWithoutResult(status -> {
			for (int i = 0; i < events.size(); i++) {
				CloudEvent<T> event = events.get(i);
				Set<UUID> users = concerning.apply(event.data());
				if (processed.firstDelivery(consumer, event.id()) && !users.isEmpty()) {
					deliveries.fanOut(event.id(), event.type(), users, payloads.get(i));
				}
			}
		});
		if (unreadable != null) {
			throw new BatchListenerFailedException("Unreadable event", unreadable, events.size());
		}
	}

	/** This consumer's view of {@code users} payloads. */
	record UserData(@Nullable UUID userId) {
	}

	/** This consumer's view of {@code follows} payloads. */
	record FollowData(@Nullable UUID followerId, @Nullable UUID followeeId) {
	}
}
