package org.instaclone.metrics.rollup;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What is counted, and at which grains. Platform-wide metrics use {@link Rollups#PLATFORM} as their
 * subject; the others a user, post or campaign id. High-volume per-subject metrics skip the minute
 * grain (a post's views per minute would be most of the table for little use).
 */
public enum Metric {

	/** Accounts created (platform). */
	SIGNUPS("signups", true, EnumSet.allOf(Grain.class)),
	/** Follows made (platform). */
	FOLLOWS("follows", true, EnumSet.allOf(Grain.class)),
	/** Follows removed (platform). */
	UNFOLLOWS("unfollows", true, EnumSet.allOf(Grain.class)),
	/** Posts published, i.e. uploads (platform). */
	POSTS("posts", true, EnumSet.allOf(Grain.class)),
	/** Post views reported by clients (platform). */
	VIEWS("views", true, EnumSet.allOf(Grain.class)),
	/** Ad impressions (platform, and per campaign). */
	AD_IMPRESSIONS("ad-impressions", true, EnumSet.allOf(Grain.class)),
	/** Ad clicks (platform, and per campaign). */
	AD_CLICKS("ad-clicks", true, EnumSet.allOf(Grain.class)),
	/** Ad spend in millicents (platform, and per campaign). */
	AD_SPEND("ad-spend-millicents", true, EnumSet.allOf(Grain.class)),
	/** Webhook deliveries a receiver accepted (platform, and per third-party app). */
	WEBHOOK_DELIVERIES("webhook-deliveries", true, EnumSet.allOf(Grain.class)),
	/** Failed webhook delivery attempts, retried or final (platform, and per third-party app). */
	WEBHOOK_FAILURES("webhook-failures", true, EnumSet.allOf(Grain.class)),
	/** New followers of a user (subject: the followee). */
	FOLLOWER_GAINS("follower-gains", false, EnumSet.allOf(Grain.class)),
	/** Followers a user lost (subject: the followee). */
	FOLLOWER_LOSSES("follower-losses", false, EnumSet.allOf(Grain.class)),
	/** Views of one post (subject: the post). */
	POST_VIEWS("post-views", false, EnumSet.of(Grain.HOUR, Grain.DAY));

	private final String key;

	private final boolean platform;

	private final Set<Grain> grains;

	Metric(String key, boolean platform, Set<Grain> grains) {
		this.key = key;
		this.platform = platform;
		this.grains = grains;
	}

	/** The name stored in {@code rollup.metric} and used in the API. */
	public String key() {
		return key;
	}

	/** The grains this metric is rolled up at. */
	public Set<Grain> grains() {
		return grains;
	}

	public static Optional<Metric> platformMetric(String key) {
		return Arrays.stream(values()).filter(m -> m.platform && m.key.equals(key)).findFirst();
	}

	public static String platformKeys() {
		return String.join(", ", Arrays.stream(values()).filter(m -> m.platform).map(Metric::key).toList());
	}
}
