package org.instaclone.metrics.insight;

import java.time.LocalDate;

/** Followers gained and lost on one day (UTC), and the net change. */
record FollowerDay(LocalDate day, long gained, long lost, long net) {
}
