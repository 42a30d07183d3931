package org.instaclone.ads.campaign;

import java.util.Locale;

/**
 * Where a campaign is in its life: created as a draft, switched between active and paused, and
 * finally ended (for good). Only the owner's actions move it; clients never set it directly.
 */
enum CampaignStatus {

	DRAFT, ACTIVE, PAUSED, ENDED;

	/** The name the API and events use. */
	String api() {
		return name().toLowerCase(Locale.ROOT);
	}
}
