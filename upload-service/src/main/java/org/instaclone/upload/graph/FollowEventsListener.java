package org.instaclone.upload.graph;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.instaclone.platform.events.CloudEvent;
import org.instaclone.platform.events.CloudEvents;
import org.instaclone.platform.events.EventConsumer;
import org.instaclone.platform.events.ProcessedEvents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code follow_edge} and the follower counts in step with follow-service's {@code follows}
 * topic, and tells the feed (in the same transaction) about each edge that really appeared or went.
 * Idempotent: each event id is applied once ({@link ProcessedEvents}), and the writes themselves are
 * natural upserts/deletes, so replaying the topic changes nothing. Events for one follower share a
 * partition key, so a follow and its unfollow arrive in order.
 */
@Component
class FollowEventsListener {

	static final String CONSUMER = "upload.follow-graph";

	static final String CREATED = "instaclone.follow.created.v1";

	static final String DELETED = "instaclone.follow.deleted.v1";

	private static final Logger log = LoggerFactory.getLogger(FollowEventsListener.class);

	private final CloudEvents cloudEvents;

	private final ProcessedEvents processed;

	private final FollowEdgeRepository edges;

	private final ApplicationEventPublisher events;

	FollowEventsListener(CloudEvents cloudEvents, ProcessedEvents processed, FollowEdgeRepository edges,
			ApplicationEventPublisher events) {
		this.cloudEvents = cloudEvents;
		this.processed = processed;
		this.edges = edges;
		this.events = events;
	}

	@EventConsumer(name = CONSUMER, topic = "follows")
	@Transactional
	public void on(String payload) {
		CloudEvent<Follow> event = cloudEvents.read(payload, Follow.class);
		if (!processed.firstDelivery(CONSUMER, event.id())) {
			return;
		}
		Follow follow = event.data();
		switch (event.type()) {
			case CREATED -> {
				if (edges.follow(follow.followerId(), follow.followeeId(), follow.at()) == 1) {
					edges.countFollower(follow.followeeId(), 1);
					events.publishEvent(new GraphEvents.Followed(follow.followerId(), follow.followeeId()));
				}
			}
			case DELETED -> {
				if (edges.unfollow(follow.followerId(), follow.followeeId()) == 1) {
					edges.countFollower(follow.followeeId(), -1);
					events.publishEvent(new GraphEvents.Unfollowed(follow.followerId(), follow.followeeId()));
				}
			}
			default -> log.debug("Ignoring event type {} on follows", event.type());
		}
	}

	/** This consumer's copy of follow-service's follow payload (only the fields it needs). */
	record Follow(UUID followerId, UUID followeeId, Instant at) {
	}
}
