package org.instaclone.metrics.insight;

import java.time.LocalDate;
import java.util.List;

/** The viewer's follower change per day from {@code from} to {@code to} (UTC, inclusive), oldest first. */
record FollowerTrend(LocalDate from, LocalDate to, long net, List<FollowerDay> days) {
}
