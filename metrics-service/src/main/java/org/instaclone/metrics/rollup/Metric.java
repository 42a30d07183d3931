package org.instaclone.metrics.rollup;

import java.util.Arrays;
import java.util.Optional;

/** What is counted per day. Platform-wide metrics use {@link Rollups#PLATFORM} as their subject. */
public enum Metric {

	/** Accounts created (platform). */
	SIGNUPS("signups", true),
	/** Follows made (platform). */
	FOLLOWS("follows", true),
	/** Follows removed (platform). */
	UNFOLLOWS("unfollows", true),
	/** Posts published (platform). */
	POSTS("posts", true),
	/** New followers of a user (subject: the followee). */
	FOLLOWER_GAINS("follower-gains", false),
	/** Followers a user lost (subject: the followee). */
	FOLLOWER_LOSSES("follower-losses", false);

	private final String key;

	private final boolean platform;

	Metric(String key, boolean platform) {
		this.key = key;
		this.platform = platform;
	}

	/** The name stored in {@code daily_rollup.metric} and used in the API. */
	public String key() {
		return key;
	}

	public static Optional<Metric> platformMetric(String key) {
		return Arrays.stream(values()).filter(m -> m.platform && m.key.equals(key)).findFirst();
	}

	public static String platformKeys() {
		return String.join(", ", Arrays.stream(values()).filter(m -> m.platform).map(Metric::key).toList());
	}
}
