package org.instaclone.metrics.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.instaclone.metrics.rollup.Grain;
import org.instaclone.metrics.rollup.Resolution;

/**
 * The points a series query asks for: {@code from} and {@code to} (ISO-8601 instants, inclusive,
 * rounded down to the grain) with defaults (the last hour of minutes, day of hours, 30 days of days),
 * and how they are read ({@link Resolution}: a long range is read from a coarser grain and summed into
 * at most 1,441 points). A range longer than 731 days is refused.
 */
record SeriesRange(Grain requested, Resolution resolution) {

	static SeriesRange of(String granularity, @Nullable Instant from, @Nullable Instant to, Clock clock) {
		Grain grain = Grain.of(granularity)
			.orElseThrow(() -> new InvalidRangeException("Unknown granularity '" + granularity + "': use minute, hour or day."));
		Instant end = to != null ? to : clock.instant();
		Instant start = from != null ? from : end.minus(defaultSpan(grain));
		if (start.isAfter(end)) {
			throw new InvalidRangeException("'from' (" + start + ") is after 'to' (" + end + ").");
		}
		Resolution resolution = Resolution.of(grain, start, end)
			.orElseThrow(() -> new InvalidRangeException("A series spans at most " + Grain.DAY.maxRange().toDays()
					+ " days; ask for a shorter range."));
		return new SeriesRange(grain, resolution);
	}

	/** The grain the points are read from: the requested one, or a coarser one for a long range. */
	Grain grain() {
		return resolution.grain();
	}

	/** The first point's start. */
	Instant from() {
		return resolution.from();
	}

	/** The last point's start. */
	Instant to() {
		return resolution.to();
	}

	/** What one point covers, ISO-8601 ({@code PT1M}, {@code PT2M}, {@code PT1H}, {@code PT24H}). */
	String step() {
		return resolution.stepDuration().toString();
	}

	private static Duration defaultSpan(Grain grain) {
		return switch (grain) {
			case MINUTE -> Duration.ofMinutes(59);
			case HOUR -> Duration.ofHours(23);
			case DAY -> Duration.ofDays(29);
		};
	}
}
