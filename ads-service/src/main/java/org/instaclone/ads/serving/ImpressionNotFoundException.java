package org.instaclone.ads.serving;

import java.util.UUID;

/** No ad slot with that impression id was served to the caller (someone else's looks the same). */
public class ImpressionNotFoundException extends RuntimeException {

	public ImpressionNotFoundException(UUID id) {
		super("No ad with impression id " + id + " was served to you.");
	}
}
