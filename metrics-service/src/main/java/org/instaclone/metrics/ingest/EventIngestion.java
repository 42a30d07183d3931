package org.instaclone.metrics.ingest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.instaclone.metrics.rollup.Metric;
import org.instaclone.metrics.rollup.Rollups;
import org.instaclone.platform.events.CloudEvent;
import org.instaclone.platform.events.CloudEvents;
import org.instaclone.platform.events.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns domain events into per-day counters. One listener (and one consumer name in
 * {@code processed_event}) per topic; each event id counts once however often Kafka delivers it. The
 * day is the UTC date of the event's {@code time} (when it happened, not when it arrived). Event types
 * a listener does not count are marked processed and skipped.
 */
@Component
class EventIngestion {

	private final CloudEvents cloudEvents;

	private final ProcessedEvents processed;

	private final Rollups rollups;

	EventIngestion(CloudEvents cloudEvents, ProcessedEvents processed, Rollups rollups) {
		this.cloudEvents = cloudEvents;
		this.processed = processed;
		this.rollups = rollups;
	}

	@KafkaListener(id = "metrics.users", idIsGroup = false, topics = "users")
	@Transactional
	public void onUser(String payload) {
		CloudEvent<UserData> event = cloudEvents.read(payload, UserData.class);
		if (!processed.firstDelivery("metrics.users", event.id())) {
			return;
		}
		if ("instaclone.user.created.v1".equals(event.type())) {
			rollups.add(Metric.SIGNUPS, Rollups.PLATFORM, dayOf(event), 1);
		}
	}

	@KafkaListener(id = "metrics.follows", idIsGroup = false, topics = "follows")
	@Transactional
	public void onFollow(String payload) {
		CloudEvent<FollowData> event = cloudEvents.read(payload, FollowData.class);
		if (!processed.firstDelivery("metrics.follows", event.id())) {
			return;
		}
		LocalDate day = dayOf(event);
		switch (event.type()) {
			case "instaclone.follow.created.v1" -> {
				rollups.add(Metric.FOLLOWER_GAINS, event.data().followeeId(), day, 1);
				rollups.add(Metric.FOLLOWS, Rollups.PLATFORM, day, 1);
			}
			case "instaclone.follow.deleted.v1" -> {
				rollups.add(Metric.FOLLOWER_LOSSES, event.data().followeeId(), day, 1);
				rollups.add(Metric.UNFOLLOWS, Rollups.PLATFORM, day, 1);
			}
			default -> {
				// not counted
			}
		}
	}

	@KafkaListener(id = "metrics.posts", idIsGroup = false, topics = "posts")
	@Transactional
	public void onPost(String payload) {
		CloudEvent<PostData> event = cloudEvents.read(payload, PostData.class);
		if (!processed.firstDelivery("metrics.posts", event.id())) {
			return;
		}
		if ("instaclone.post.created.v1".equals(event.type())) {
			rollups.add(Metric.POSTS, Rollups.PLATFORM, dayOf(event), 1);
		}
	}

	private static LocalDate dayOf(CloudEvent<?> event) {
		return LocalDate.ofInstant(event.time(), ZoneOffset.UTC);
	}

	/** This consumer's view of {@code users} payloads: nothing beyond the envelope is needed yet. */
	record UserData(UUID userId) {
	}

	/** This consumer's view of {@code follows} payloads. */
	record FollowData(UUID followerId, UUID followeeId) {
	}

	/** This consumer's view of {@code posts} payloads. */
	record PostData(UUID postId, UUID authorId) {
	}
}
