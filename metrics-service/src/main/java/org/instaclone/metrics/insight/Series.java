package org.instaclone.metrics.insight;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One metric per bucket, oldest first, zeros included. {@code from} and {@code to} are the first and
 * last bucket's start.
 */
record Series(String metric, String granularity, Instant from, Instant to, long total, List<Point> points) {

	static Series of(String metric, SeriesRange range, Map<Instant, Long> values) {
		List<Point> points = values.entrySet().stream().map(e -> new Point(e.getKey(), e.getValue())).toList();
		return new Series(metric, range.grain().key(), range.from(), range.to(),
				points.stream().mapToLong(Point::value).sum(), points);
	}

	record Point(Instant at, long value) {
	}
}
