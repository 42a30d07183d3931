package org.instaclone.metrics.ingest;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.instaclone.metrics.owner.Owners;
import org.instaclone.metrics.rollup.Metric;
import org.instaclone.metrics.rollup.Rollups;
import org.instaclone.platform.events.CloudEvent;
import org.instaclone.platform.events.CloudEvents;
import org.instaclone.platform.events.ProcessedEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns domain events into counters per minute, hour and day. One listener (and one consumer name in
 * {@code processed_event}) per topic; each event id counts once however often Kafka delivers it. The
 * bucket is the event's {@code time} (when it happened, not when it arrived). Event types a listener
 * does not count are marked processed and skipped.
 */
@Component
class EventIngestion {

	private final CloudEvents cloudEvents;

	private final ProcessedEvents processed;

	private final Rollups rollups;

	private final Owners owners;

	EventIngestion(CloudEvents cloudEvents, ProcessedEvents processed, Rollups rollups, Owners owners) {
		this.cloudEvents = cloudEvents;
		this.processed = processed;
		this.rollups = rollups;
		this.owners = owners;
	}

	@KafkaListener(id = "metrics.users", idIsGroup = false, topics = "users")
	@Transactional
	public void onUser(String payload) {
		CloudEvent<UserData> event = cloudEvents.read(payload, UserData.class);
		if (!processed.firstDelivery("metrics.users", event.id())) {
			return;
		}
		if ("instaclone.user.created.v1".equals(event.type())) {
			rollups.add(Metric.SIGNUPS, Rollups.PLATFORM, event.time(), 1);
		}
	}

	@KafkaListener(id = "metrics.follows", idIsGroup = false, topics = "follows")
	@Transactional
	public void onFollow(String payload) {
		CloudEvent<FollowData> event = cloudEvents.read(payload, FollowData.class);
		if (!processed.firstDelivery("metrics.follows", event.id())) {
			return;
		}
		Instant at = event.time();
		switch (event.type()) {
			case "instaclone.follow.created.v1" -> {
				rollups.add(Metric.FOLLOWER_GAINS, event.data().followeeId(), at, 1);
				rollups.add(Metric.FOLLOWS, Rollups.PLATFORM, at, 1);
			}
			case "instaclone.follow.deleted.v1" -> {
				rollups.add(Metric.FOLLOWER_LOSSES, event.data().followeeId(), at, 1);
				rollups.add(Metric.UNFOLLOWS, Rollups.PLATFORM, at, 1);
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
		switch (event.type()) {
			case "instaclone.post.created.v1" -> {
				rollups.add(Metric.POSTS, Rollups.PLATFORM, event.time(), 1);
				owners.postCreated(event.data().postId(), event.data().authorId());
			}
			case "instaclone.post.deleted.v1" -> owners.postDeleted(event.data().postId());
			default -> {
				// not counted
			}
		}
	}

	/**
	 * Campaign ownership, and impressions, clicks and spend per campaign and platform-wide. ads-service
	 * publishes each impression and click once, with its own id; the event id still guards replays.
	 */
	@KafkaListener(id = "metrics.ads", idIsGroup = false, topics = "ads")
	@Transactional
	public void onAd(String payload) {
		CloudEvent<AdData> event = cloudEvents.read(payload, AdData.class);
		if (!processed.firstDelivery("metrics.ads", event.id())) {
			return;
		}
		AdData ad = event.data();
		switch (event.type()) {
			case "instaclone.ad.campaign-created.v1" -> {
				if (ad.advertiserId() == null) {
					throw new IllegalArgumentException("campaign-created without advertiserId");
				}
				owners.campaignCreated(ad.campaignId(), ad.advertiserId());
			}
			case "instaclone.ad.impression-recorded.v1" -> {
				countForSubjectAndPlatform(Metric.AD_IMPRESSIONS, ad.campaignId(), event.time(), 1);
				long cost = ad.costMillicents() == null ? 0 : ad.costMillicents();
				if (cost > 0) {
					countForSubjectAndPlatform(Metric.AD_SPEND, ad.campaignId(), event.time(), cost);
				}
			}
			case "instaclone.ad.clicked.v1" -> countForSubjectAndPlatform(Metric.AD_CLICKS, ad.campaignId(), event.time(), 1);
			default -> {
				// status changes are not counted
			}
		}
	}

	/**
	 * Webhook deliveries (the receiver answered 2xx) and failed attempts (every failed attempt, retried
	 * or final) per app and platform-wide, from integrations-service; the app's owner comes with every
	 * event.
	 */
	@KafkaListener(id = "metrics.integrations", idIsGroup = false, topics = "webhook-deliveries")
	@Transactional
	public void onWebhookDelivery(String payload) {
		CloudEvent<DeliveryData> event = cloudEvents.read(payload, DeliveryData.class);
		if (!processed.firstDelivery("metrics.integrations", event.id())) {
			return;
		}
		@Nullable Metric metric = switch (event.type()) {
			case "instaclone.webhook.delivered.v1" -> Metric.WEBHOOK_DELIVERIES;
			case "instaclone.webhook.failed.v1" -> Metric.WEBHOOK_FAILURES;
			default -> null;
		};
		if (metric == null) {
			return; // not counted
		}
		DeliveryData delivery = event.data();
		if (delivery.appId() == null || delivery.ownerId() == null) {
			throw new IllegalArgumentException(event.type() + " without appId or ownerId");
		}
		owners.appSeen(delivery.appId(), delivery.ownerId());
		countForSubjectAndPlatform(metric, delivery.appId(), event.time(), 1);
	}

	private void countForSubjectAndPlatform(Metric metric, UUID campaignId, Instant at, long delta) {
		rollups.add(metric, campaignId, at, delta);
		rollups.add(metric, Rollups.PLATFORM, at, delta);
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

	/** This consumer's view of {@code webhook-deliveries} payloads (delivered and failed share it). */
	record DeliveryData(@Nullable UUID appId, @Nullable UUID ownerId) {
	}

	/** This consumer's view of {@code ads} payloads (campaign and impression/click events share it). */
	record AdData(UUID campaignId, @Nullable UUID advertiserId, @Nullable Long costMillicents) {
	}
}
