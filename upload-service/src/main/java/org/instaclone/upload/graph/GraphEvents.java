package org.instaclone.upload.graph;

import java.util.UUID;

/** In-process events of the follow projection, delivered synchronously in the consuming transaction. */
public final class GraphEvents {

	private GraphEvents() {
	}

	/** A new edge: {@code followerId} now follows {@code followeeId}. */
	public record Followed(UUID followerId, UUID followeeId) {
	}

	/** An edge went away. */
	public record Unfollowed(UUID followerId, UUID followeeId) {
	}
}
