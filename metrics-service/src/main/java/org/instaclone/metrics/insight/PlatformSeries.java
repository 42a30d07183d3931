package org.instaclone.metrics.insight;

import java.time.LocalDate;
import java.util.List;

/** A platform metric per day, oldest first, zeros included. */
record PlatformSeries(String metric, LocalDate from, LocalDate to, long total, List<Point> days) {

	record Point(LocalDate day, long value) {
	}
}
