package org.instaclone.ads.campaign;

/** The requested status change is not possible from the campaign's current status. */
public class CampaignStateException extends RuntimeException {

	public CampaignStateException(String detail) {
		super(detail);
	}
}
