package org.instaclone.metrics.rollup;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The size of a rollup bucket. Buckets start at whole UTC minutes, hours and days. Each grain caps the
 * range read at it, so a series reads at most a few thousand rows (see {@link Resolution}).
 */
public enum Grain {

	MINUTE(ChronoUnit.MINUTES, Duration.ofHours(48)),
	HOUR(ChronoUnit.HOURS, Duration.ofDays(90)),
	DAY(ChronoUnit.DAYS, Duration.ofDays(731));

	private final ChronoUnit unit;

	private final Duration maxRange;

	Grain(ChronoUnit unit, Duration maxRange) {
		this.unit = unit;
		this.maxRange = maxRange;
	}

	/** The name stored in {@code rollup.grain} and used in the API ({@code minute}, {@code hour}, {@code day}). */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The start of the bucket {@code at} falls in. */
	public Instant bucket(Instant at) {
		return at.truncatedTo(unit);
	}

	public Instant next(Instant bucket) {
		return bucket.plus(1, unit);
	}

	/** The widest {@code to - from} read at this grain; a longer range is read from a coarser grain. */
	public Duration maxRange() {
		return maxRange;
	}

	/** The length of one bucket. */
	public Duration duration() {
		return unit.getDuration();
	}

	/** The next coarser grain (minute: hour, hour: day), null for the coarsest. */
	public @Nullable Grain coarser() {
		return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
	}

	public static Optional<Grain> of(String key) {
		return Arrays.stream(values()).filter(g -> g.key().equals(key)).findFirst();
	}
}
