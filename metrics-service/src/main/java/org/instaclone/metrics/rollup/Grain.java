package org.instaclone.metrics.rollup;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The size of a rollup bucket. Buckets start at whole UTC minutes, hours and days. Each grain caps the
 * range one query may ask for, so a series has at most a few thousand points.
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

	/** The widest {@code to - from} a query at this grain may ask for. */
	public Duration maxRange() {
		return maxRange;
	}

	public static Optional<Grain> of(String key) {
		return Arrays.stream(values()).filter(g -> g.key().equals(key)).findFirst();
	}
}
