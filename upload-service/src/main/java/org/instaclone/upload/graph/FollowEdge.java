package org.instaclone.upload.graph;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One "follower follows followee" edge, copied from follow-service's events so that the feed never
 * has to call follow-service. Written only by {@link FollowEventsListener}.
 */
@Entity
@Table(name = "follow_edge")
class FollowEdge {

	@EmbeddedId
	private Key key;

	private Instant since;

	protected FollowEdge() {
		// for JPA
	}

	Instant since() {
		return since;
	}

	@Embeddable
	record Key(UUID followerId, UUID followeeId) {
	}
}
