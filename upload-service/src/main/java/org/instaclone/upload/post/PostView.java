package org.instaclone.upload.post;

import java.time.Instant;
import java.util.UUID;

/** A post as the API shows it. */
record PostView(UUID id, UUID authorId, String authorHandle, String caption, Instant createdAt) {
}
