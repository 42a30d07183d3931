package org.instaclone.ads.campaign;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Request bodies. Status, spend and version are not fields: clients cannot set them (unknown fields
 * are rejected). Money is in cents; a bid is a CPM (the price of 1,000 impressions).
 */
final class CampaignRequests {

	static final long MAX_DAILY_BUDGET_CENTS = 10_000_000;

	static final long MAX_BID_CPM_CENTS = 100_000;

	private CampaignRequests() {
	}

	/** Body of {@code POST /api/ads/campaigns}. */
	record NewCampaign(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 150) String headline,
			@NotNull @MediaKey String mediaKey, @NotBlank @Size(max = 2048) @HttpUrl String callToActionUrl,
			@Nullable @Size(max = Hashtags.MAX_COUNT) List<@NotNull @Pattern(regexp = Hashtags.PATTERN) String> targetHashtags,
			@NotNull @Min(1) @Max(MAX_DAILY_BUDGET_CENTS) Long dailyBudgetCents,
			@NotNull @Min(1) @Max(MAX_BID_CPM_CENTS) Long bidCpmCents, @Nullable Instant startsAt,
			@Nullable Instant endsAt) {
	}

	/** Body of {@code PATCH /api/ads/campaigns/{id}}: absent fields stay as they are. */
	record CampaignChanges(@Nullable @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*") String name,
			@Nullable @Size(min = 1, max = 150) @Pattern(regexp = ".*\\S.*") String headline,
			@Nullable @MediaKey String mediaKey, @Nullable @Size(max = 2048) @HttpUrl String callToActionUrl,
			@Nullable @Size(max = Hashtags.MAX_COUNT) List<@NotNull @Pattern(regexp = Hashtags.PATTERN) String> targetHashtags,
			@Nullable @Min(1) @Max(MAX_DAILY_BUDGET_CENTS) Long dailyBudgetCents,
			@Nullable @Min(1) @Max(MAX_BID_CPM_CENTS) Long bidCpmCents, @Nullable Instant startsAt,
			@Nullable Instant endsAt) {
	}
}
