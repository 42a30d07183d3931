package org.instaclone.follow.graph;

import java.time.Instant;
import java.util.UUID;

/** One entry of a followers or following list. */
record FollowView(UUID id, String handle, String displayName, Instant followedAt) {
}
