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
import org.instaclone.platform.events.EventBatchException;
import org.instaclone.platform.events.EventConsumer;
import org.instaclone.platform.events.ProcessedEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumes the domain topics apps can subscribe to and records what each endpoint is owed. An app
 * receives events about its owner only: a user event about the owner, a follow event where the owner
 * follows or is followed. Each event id is fanned out once ({@link ProcessedEvents}).
 * <p>
 * Batch consumers: a whole poll (up to {@code max.poll.records}) is fanned out in <b>one</b>
 * transaction, one commit instead of one per event, with one statement to skip events seen before and
 * one query for the subscribers of all of them. Every record is read <i>before</i> that
 * transaction; if one is unreadable, the readable ones before it are committed and a
 * {@link EventBatchException} names its index, so the transport acknowledges the events before it,
 * parks it (Kafka: {@code <topic>-dlt}) and delivers the ones after it again. Nothing before it is lost or
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

	@EventConsumer(name = "integrations.users", topic = "users")
	public void onUsers(List<String> payloads) {
		consume("integrations.users", payloads, UserData.class,
				data -> data.userId() == null ? Set.of() : Set.of(data.userId()));
	}

	@EventConsumer(name = "integrations.follows", topic = "follows")
	public void onFollows(List<String> payloads) {
		consume("integrations.follows", payloads, FollowData.class, data -> {
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

	private <T> void consume(String consumer, List<String> payloads, Class<T> dataType,
			Function<T, Set<UUID>> concerning) {
		List<Deliveries.ConsumedEvent> readable = new ArrayList<>(payloads.size());
		RuntimeException unreadable = null;
		int failedAt = -1;
		for (int i = 0; i < payloads.size(); i++) {
			String payload = payloads.get(i);
			try {
				CloudEvent<T> event = cloudEvents.read(payload, dataType);
				if (event.id() == null || event.type() == null || event.data() == null) {
					throw new IllegalArgumentException("not a CloudEvent with id, type and data");
				}
				readable.add(new Deliveries.ConsumedEvent(event.id(), event.type(), concerning.apply(event.data()),
						payload));
			}
			catch (RuntimeException ex) {
				unreadable = ex;
				failedAt = i;
				break;
			}
		}
		if (!readable.isEmpty()) {
			tx.executeWithoutResult(status -> deliveries.fanOutAll(consumer, readable));
		}
		if (unreadable != null) {
			throw new EventBatchException("Unreadable event: " + unreadable.getMessage(), unreadable, failedAt);
		}
	}

	/** This consumer's view of {@code users} payloads. */
	record UserData(@Nullable UUID userId) {
	}

	/** This consumer's view of {@code follows} payloads. */
	record FollowData(@Nullable UUID followerId, @Nullable UUID followeeId) {
	}
}
