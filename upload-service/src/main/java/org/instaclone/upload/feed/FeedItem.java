package org.instaclone.upload.feed;

import java.time.Instant;
import java.util.UUID;

/** A post in someone's home feed. */
record FeedItem(UUID id, UUID authorId, String authorHandle, String caption, Instant createdAt) {
}
