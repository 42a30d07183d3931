package org.instaclone.upload.post;

import java.time.Instant;
import java.util.UUID;

/** What upload-service publishes about posts, on topic {@value #TOPIC} (key: author id, subject: post id). */
public final class PostEvents {

	public static final String TOPIC = "posts";

	static final String CREATED = "instaclone.post.created.v1";

	static final String DELETED = "instaclone.post.deleted.v1";

	private PostEvents() {
	}

	record Created(UUID postId, UUID authorId, String authorHandle, String caption, Instant createdAt) {
	}

	record Deleted(UUID postId, UUID authorId, Instant deletedAt) {
	}
}
