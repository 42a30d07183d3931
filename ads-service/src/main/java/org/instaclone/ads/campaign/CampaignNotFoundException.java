package org.instaclone.ads.campaign;

import java.util.UUID;

/** No campaign with that id belongs to the caller (whether or not someone else has one). */
public class CampaignNotFoundException extends RuntimeException {

	public CampaignNotFoundException(UUID id) {
		super("You have no campaign with id " + id + ".");
	}
}
