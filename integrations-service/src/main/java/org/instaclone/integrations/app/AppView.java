package org.instaclone.integrations.app;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An app as its owner sees it. */
record AppView(UUID id, String name, String description, @Nullable String homepageUrl, Instant createdAt) {
}
