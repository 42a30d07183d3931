package org.instaclone.upload.feed;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How home timelines are materialised ({@code instaclone.feed.*}).
 *
 * @param celebrityThreshold authors with more followers than this are not fanned out on write; their
 * posts are merged into followers' feeds at read time instead
 * @param backfill how many of a followee's most recent posts a new follow copies into the follower's
 * timeline
 * @param timelineLimit how many entries a materialised timeline keeps (the newest); older ones are
 * trimmed every {@code trimInterval}, so storage grows with users, not with time. Reading past them
 * ends the feed (celebrities' posts, merged at read time, are not affected)
 * @param trimInterval how often timelines are trimmed
 */
@ConfigurationProperties("instaclone.feed")
@Validated
record FeedProperties(@DefaultValue("5000") @Min(0) int celebrityThreshold,
		@DefaultValue("50") @Min(0) @Max(1000) int backfill, @DefaultValue("800") @Min(1) int timelineLimit,
		@DefaultValue("1h") Duration trimInterval) {
}
