package org.instaclone.metrics.insight;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One metric per point, oldest first, zeros included. {@code granularity} is the grain the points were
 * read from, {@code step} what one point covers; {@code from} and {@code to} are the first and last
 * point's start.
 */
record Series(String metric, String granularity, String step, Instant from, Instant to, long total,
		List<Point> points) {

	static Series of(String metric, SeriesRange range, Map<Instant, Long> values) {
		List<Point> points = values.entrySet().stream().map(e -> new Point(e.getKey(), e.getValue())).toList();
		return new Series(metric, range.grain().key(), range.step(), range.from(), range.to(),
				points.stream().mapToLong(Point::value).sum(), points);
	}

	record Point(Instant at, long value) {
	}
}
