package org.instaclone.follow.graph;

import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An edge of the follow graph: {@code follower} follows {@code followee}. */
@Entity
@Table(name = "follow")
class Follow {

	@EmbeddedId
	private Edge id;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Follow() {
	}

	Follow(UUID follower, UUID followee) {
		if (follower.equals(followee)) {
			throw new GraphExceptions.SelfFollow();
		}
		this.id = new Edge(follower, followee);
		// microseconds: what PostgreSQL stores, so cursors compare exactly
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	@Embeddable
	record Edge(@Column(name = "follower_id") UUID followerId,
			@Column(name = "followee_id") UUID followeeId) implements Serializable {
	}
}
