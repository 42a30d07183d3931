package org.instaclone.ads.campaign;

import java.time.Instant;
import java.util.UUID;

/** A campaign as its owner sees it. */
record CampaignView(UUID id, String name, String headline, String callToActionUrl, long dailyBudgetCents,
		long bidCpmCents, String status, long spentCents, Instant createdAt, Instant updatedAt) {
}
