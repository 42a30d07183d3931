package org.instaclone.metrics.insight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.instaclone.metrics.rollup.Grain;

/**
 * The buckets a series query asks for: {@code from} and {@code to} (ISO-8601 instants, inclusive,
 * rounded down to the grain) with defaults (the last hour of minutes, day of hours, 30 days of days),
 * and the grain's cap on the range.
 */
record SeriesRange(Grain grain, Instant from, Instant to) {

	static SeriesRange of(String granularity, @Nullable Instant from, @Nullable Instant to, Clock clock) {
		Grain grain = Grain.of(granularity)
			.orElseThrow(() -> new InvalidRangeException("Unknown granularity '" + granularity + "': use minute, hour or day."));
		Instant end = to != null ? to : clock.instant();
		Instant start = from != null ? from : end.minus(defaultSpan(grain));
		if (start.isAfter(end)) {
			throw new InvalidRangeException("'from' (" + start + ") is after 'to' (" + end + ").");
		}
		if (Duration.between(start, end).compareTo(grain.maxRange()) > 0) {
			throw new InvalidRangeException("A " + grain.key() + " series spans at most " + describe(grain.maxRange())
					+ "; ask for a shorter range or a coarser granularity.");
		}
		return new SeriesRange(grain, grain.bucket(start), grain.bucket(end));
	}

	private static Duration defaultSpan(Grain grain) {
		return switch (grain) {
			case MINUTE -> Duration.ofMinutes(59);
			case HOUR -> Duration.ofHours(23);
			case DAY -> Duration.ofDays(29);
		};
	}

	private static String describe(Duration range) {
		return range.toDays() >= 2 && range.toHours() % 24 == 0 && range.toDays() > 2 ? range.toDays() + " days"
				: range.toHours() + " hours";
	}
}
