package org.instaclone.ads.campaign;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A campaign as its owner sees it, with its delivery figures: spend (all days and today, UTC),
 * charged impressions and clicks. {@code version} is also sent as the {@code ETag}.
 */
record CampaignView(UUID id, String name, String headline, @Nullable String mediaKey, String callToActionUrl,
		List<String> targetHashtags, long dailyBudgetCents, long bidCpmCents, @Nullable Instant startsAt,
		@Nullable Instant endsAt, String status, long version, long spentCents, long spentTodayCents,
		long impressions, long clicks, Instant createdAt, Instant updatedAt) {

	/** Delivery figures, summed from {@code campaign_day}. Spend is rounded down to whole cents. */
	record Stats(long spentCents, long spentTodayCents, long impressions, long clicks) {

		static final Stats NONE = new Stats(0, 0, 0, 0);
	}
}
