package org.instaclone.upload.post;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What upload-service publishes about posts: on Kafka topic {@value #TOPIC} (key: author id, subject:
 * post id), and inside the service as Spring events for the feed, delivered synchronously in the
 * transaction that changes the post.
 */
public final class PostEvents {

	public static final String TOPIC = "posts";

	static final String CREATED = "instaclone.post.created.v1";

	static final String DELETED = "instaclone.post.deleted.v1";

	private PostEvents() {
	}

	/** @param imageUrl the 1080-wide variant; {@code null} for a text-only post */
	record Created(UUID postId, UUID authorId, String authorHandle, String caption, @Nullable String imageUrl,
			Instant createdAt) {
	}

	record Deleted(UUID postId, UUID authorId, Instant deletedAt) {
	}

	/** In-process: a post was published; the feed fans it out in the same transaction. */
	public record Published(UUID postId, UUID authorId, Instant createdAt) {
	}

	/** In-process: a post was deleted; the feed removes it from every timeline in the same transaction. */
	public record Removed(UUID postId, UUID authorId) {
	}
}
