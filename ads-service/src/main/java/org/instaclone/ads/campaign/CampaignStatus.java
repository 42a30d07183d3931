package org.instaclone.ads.campaign;

import java.util.Locale;

/** Where a campaign is in its life: created as a draft, then switched between active and paused. */
enum CampaignStatus {

	DRAFT, ACTIVE, PAUSED;

	/** The name the API and events use. */
	String api() {
		return name().toLowerCase(Locale.ROOT);
	}
}
