package org.instaclone.metrics.ingest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.instaclone.metrics.owner.Owners;
import org.instaclone.metrics.rollup.Metric;
import org.instaclone.metrics.rollup.Rollups;
import org.instaclone.platform.events.EventConsumer;
import org.springframework.stereotype.Component;

/**
 * Turns domain events into counters per minute, hour and day. One batch consumer (and one consumer
 * name in {@code processed_event}) per topic; each poll is counted in one transaction by
 * {@link EventBatches}, and each event id counts once however often Kafka delivers it. The bucket is
 * the event's {@code time} (when it happened, not when it arrived). Event types a listener does not
 * count are marked processed and skipped. In the microservice the Kafka client id is the consumer's name
 * ({@code metrics.ads-0}), so the consumer metrics (lag) say which consumer they belong to.
 */
@Component
class EventIngestion {

	private final EventBatches batches;

	private final Owners owners;

	EventIngestion(EventBatches batches, Owners owners) {
		this.batches = batches;
		this.owners = owners;
	}

	@EventConsumer(name = "metrics.users", topic = "users")
	public void onUsers(List<String> payloads) {
		batches.ingest("metrics.users", payloads, UserData.class, (event, batch) -> {
			if ("instaclone.user.created.v1".equals(event.type())) {
				batch.count(Metric.SIGNUPS, Rollups.PLATFORM, event.time(), 1);
			}
		});
	}

	@EventConsumer(name = "metrics.follows", topic = "follows")
	public void onFollows(List<String> payloads) {
		batches.ingest("metrics.follows", payloads, FollowData.class, (event, batch) -> {
			Instant at = event.time();
			switch (event.type()) {
				case "instaclone.follow.created.v1" -> {
					batch.count(Metric.FOLLOWER_GAINS, event.data().followeeId(), at, 1);
					batch.count(Metric.FOLLOWS, Rollups.PLATFORM, at, 1);
				}
				case "instaclone.follow.deleted.v1" -> {
					batch.count(Metric.FOLLOWER_LOSSES, event.data().followeeId(), at, 1);
					batch.count(Metric.UNFOLLOWS, Rollups.PLATFORM, at, 1);
				}
				default -> {
					// not counted
				}
			}
		});
	}

	/** Uploads, and who wrote each post (applied in event order: a post created and deleted in one poll is gone). */
	@EventConsumer(name = "metrics.posts", topic = "posts")
	public void onPosts(List<String> payloads) {
		batches.ingest("metrics.posts", payloads, PostData.class, (event, batch) -> {
			switch (event.type()) {
				case "instaclone.post.created.v1" -> {
					batch.count(Metric.POSTS, Rollups.PLATFORM, event.time(), 1);
					owners.postCreated(event.data().postId(), event.data().authorId());
				}
				case "instaclone.post.deleted.v1" -> owners.postDeleted(event.data().postId());
				default -> {
					// not counted
				}
			}
		});
	}

	/**
	 * Campaign ownership, and impressions, clicks and spend per campaign and platform-wide. ads-service
	 * publishes each impression and click once, with its own id; the event id still guards replays.
	 */
	@EventConsumer(name = "metrics.ads", topic = "ads")
	public void onAds(List<String> payloads) {
		batches.ingest("metrics.ads", payloads, AdData.class, (event, batch) -> {
			AdData ad = event.data();
			Instant at = event.time();
			switch (event.type()) {
				case "instaclone.ad.campaign-created.v1" -> {
					if (ad.advertiserId() == null) {
						throw new IllegalArgumentException("campaign-created without advertiserId");
					}
					owners.campaignCreated(ad.campaignId(), ad.advertiserId());
				}
				case "instaclone.ad.impression-recorded.v1" -> {
					countForSubjectAndPlatform(batch, Metric.AD_IMPRESSIONS, ad.campaignId(), at, 1);
					long cost = ad.costMillicents() == null ? 0 : ad.costMillicents();
					if (cost > 0) {
						countForSubjectAndPlatform(batch, Metric.AD_SPEND, ad.campaignId(), at, cost);
					}
				}
				case "instaclone.ad.clicked.v1" -> countForSubjectAndPlatform(batch, Metric.AD_CLICKS, ad.campaignId(), at, 1);
				default -> {
					// status changes are not counted
				}
			}
		});
	}

	/**
	 * Webhook deliveries (the receiver answered 2xx) and failed attempts (every failed attempt, retried
	 * or final) per app and platform-wide, from integrations-service; the app's owner comes with every
	 * event and is recorded once per app.
	 */
	@EventConsumer(name = "metrics.integrations", topic = "webhook-deliveries")
	public void onWebhookDeliveries(List<String> payloads) {
		batches.ingest("metrics.integrations", payloads, DeliveryData.class, (event, batch) -> {
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
			batch.appOwner(delivery.appId(), delivery.ownerId());
			countForSubjectAndPlatform(batch, metric, delivery.appId(), event.time(), 1);
		});
	}

	private static void countForSubjectAndPlatform(EventBatches.Batch batch, Metric metric, UUID subject, Instant at,
			long delta) {
		batch.count(metric, subject, at, delta);
		batch.count(metric, Rollups.PLATFORM, at, delta);
	}

	/** This consumer's view of {@code users} payloads: nothing beyond the envelope is needed yet. */
	record UserData(@Nullable UUID userId) {
	}

	/** This consumer's view of {@code follows} payloads. */
	record FollowData(UUID followerId, UUID followeeId) {
	}

	/** This consumer's view of {@code posts} payloads. */
	record PostData(UUID postId, UUID authorId) {
	}

	/** This consumer's view of {@code ads} payloads (campaign and impression/click events share it). */
	record AdData(UUID campaignId, @Nullable UUID advertiserId, @Nullable Long costMillicents) {
	}

	/** This consumer's view of {@code webhook-deliveries} payloads (delivered and failed share it). */
	record DeliveryData(@Nullable UUID appId, @Nullable UUID ownerId) {
	}
}
