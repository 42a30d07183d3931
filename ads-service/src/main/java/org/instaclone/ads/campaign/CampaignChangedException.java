package org.instaclone.ads.campaign;

import java.util.UUID;

/** The campaign changed since the caller read it (a stale {@code If-Match} or a concurrent edit). */
public class CampaignChangedException extends RuntimeException {

	public CampaignChangedException(UUID id) {
		super("Campaign " + id + " changed since you read it. Read it again and reapply your change.");
	}
}
