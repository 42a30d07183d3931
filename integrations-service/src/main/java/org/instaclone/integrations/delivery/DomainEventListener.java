package org.instaclone.integrations.delivery;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.instaclone.platform.events.CloudEvent;
import org.instaclone.platform.events.CloudEvents;
import org.instaclone.platform.events.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumes the domain topics apps can subscribe to and records what each endpoint is owed. An app
 * receives events about its owner only: a user event about the owner, a follow event where the owner
 * follows or is followed. Each event id is fanned out once ({@link ProcessedEvents}).
 */
@Component
class DomainEventListener {

	private final CloudEvents cloudEvents;

	private final ProcessedEvents processed;

	private final Deliveries deliveries;

	DomainEventListener(CloudEvents cloudEvents, ProcessedEvents processed, Deliveries deliveries) {
		this.cloudEvents = cloudEvents;
		this.processed = processed;
		this.deliveries = deliveries;
	}

	@KafkaListener(id = "integrations.users", idIsGroup = false, topics = "users")
	@Transactional
	public void onUser(String payload) {
		CloudEvent<UserData> event = cloudEvents.read(payload, UserData.class);
		if (processed.firstDelivery("integrations.users", event.id()) && event.data().userId() != null) {
			deliveries.fanOut(event.id(), event.type(), Set.of(event.data().userId()), payload);
		}
	}

	@KafkaListener(id = "integrations.follows", idIsGroup = false, topics = "follows")
	@Transactional
	public void onFollow(String payload) {
		CloudEvent<FollowData> event = cloudEvents.read(payload, FollowData.class);
		if (processed.firstDelivery("integrations.follows", event.id())) {
			Set<UUID> concerning = new LinkedHashSet<>();
			if (event.data().followerId() != null) {
				concerning.add(event.data().followerId());
			}
			if (event.data().followeeId() != null) {
				concerning.add(event.data().followeeId());
			}
			if (!concerning.isEmpty()) {
				deliveries.fanOut(event.id(), event.type(), concerning, payload);
			}
		}
	}

	/** This consumer's view of {@code users} payloads. */
	record UserData(@Nullable UUID userId) {
	}

	/** This consumer's view of {@code follows} payloads. */
	record FollowData(@Nullable UUID followerId, @Nullable UUID followeeId) {
	}
}
