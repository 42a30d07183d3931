package org.instaclone.metrics.insight;

import java.time.Instant;
import java.util.List;

/**
 * One third-party app's webhook deliveries (accepted by the receiver) and failed attempts per bucket,
 * oldest first, zeros included.
 */
record WebhookSeries(String granularity, String step, Instant from, Instant to, Totals totals, List<Point> points) {

	record Totals(long deliveries, long failures) {
	}

	record Point(Instant at, long deliveries, long failures) {
	}
}
