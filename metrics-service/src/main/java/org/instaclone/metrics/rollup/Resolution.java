package org.instaclone.metrics.rollup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a series over a range is read: from which grain's rollup rows, and how many consecutive buckets
 * of that grain make one point ({@code step}). The rule, so that no series reads more than ~2,900 rows
 * or answers more than {@link #MAX_POINTS} points, however long the range:
 * <ol>
 * <li>the requested grain is read if the range fits its {@link Grain#maxRange() read cap} (minute:
 * 48 h, hour: 90 days, day: 731 days); otherwise the next coarser grain that fits (a minute series
 * over 30 days is read from the hour rollups: 721 rows instead of 43,201);</li>
 * <li>if that is still more than {@link #MAX_POINTS} buckets, consecutive buckets are summed in SQL
 * ({@code date_bin}) into points of {@code step} buckets each, starting at {@code from} (a minute
 * series over 48 h: 2-minute points).</li>
 * </ol>
 *
 * @param grain the grain whose rollup rows are read
 * @param step buckets per point (1: one point per bucket)
 * @param from the first point's start (a bucket start of {@code grain})
 * @param to the last point's start
 * @param last the last bucket read (the last point may cover fewer than {@code step} buckets)
 */
public record Resolution(Grain grain, int step, Instant from, Instant to, Instant last) {

	/** A day of minutes, both ends included: more than any chart is wide. */
	public static final int MAX_POINTS = 1_441;

	/**
	 * The resolution for a series of {@code requested} buckets from {@code start} to {@code end}
	 * (inclusive, rounded down); empty if the range is longer than even the day grain reads.
	 */
	public static Optional<Resolution> of(Grain requested, Instant start, Instant end) {
		Duration range = Duration.between(start, end);
		for (Grain grain = requested; grain != null; grain = grain.coarser()) {
			if (range.compareTo(grain.maxRange()) <= 0) {
				Instant from = grain.bucket(start);
				Instant last = grain.bucket(end);
				long buckets = Duration.between(from, last).dividedBy(grain.duration()) + 1;
				int step = (int) ((buckets + MAX_POINTS - 1) / MAX_POINTS);
				long points = (buckets + step - 1) / step;
				return Optional.of(new Resolution(grain, step, from,
						from.plus(grain.duration().multipliedBy(step * (points - 1))), last));
			}
		}
		return Optional.empty();
	}

	/** What one point covers. */
	public Duration stepDuration() {
		return grain.duration().multipliedBy(step);
	}

	/** The next point's start after {@code point}. */
	public Instant next(Instant point) {
		return point.plus(stepDuration());
	}
}
