package org.instaclone.ads.campaign;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What ads-service publishes about campaigns, on topic {@value #TOPIC} (key and subject: campaign id). */
public final class CampaignEvents {

	public static final String TOPIC = "ads";

	static final String CREATED = "instaclone.ad.campaign-created.v1";

	static final String UPDATED = "instaclone.ad.campaign-updated.v1";

	static final String ACTIVATED = "instaclone.ad.campaign-activated.v1";

	static final String PAUSED = "instaclone.ad.campaign-paused.v1";

	static final String ENDED = "instaclone.ad.campaign-ended.v1";

	private CampaignEvents() {
	}

	/** Every campaign event carries the campaign as it is after the change. */
	record Snapshot(UUID campaignId, UUID advertiserId, String name, String headline, @Nullable String mediaKey,
			String callToActionUrl, List<String> targetHashtags, long dailyBudgetCents, long bidCpmCents,
			@Nullable Instant startsAt, @Nullable Instant endsAt, String status, Instant at) {
	}
}
