package org.instaclone.metrics.insight;

import java.time.Instant;
import java.util.List;

/** The viewer's followers gained and lost per bucket, oldest first, zeros included. */
record FollowerSeries(String granularity, String step, Instant from, Instant to, long net, List<Point> points) {

	record Point(Instant at, long gained, long lost, long net) {
	}
}
