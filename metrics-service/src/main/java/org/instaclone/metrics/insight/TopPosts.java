package org.instaclone.metrics.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The viewer's most viewed posts over the days from {@code from} to {@code to} (UTC, inclusive). */
record TopPosts(LocalDate from, LocalDate to, List<Post> posts) {

	record Post(UUID postId, long views) {
	}
}
