package org.instaclone.ads.serving;

import java.util.UUID;

/** The impression was served too long ago to be reported now (it would be charged to the wrong day). */
public class ImpressionExpiredException extends RuntimeException {

	public ImpressionExpiredException(UUID id) {
		super("Impression " + id + " was served more than " + ServingService.REPORT_WINDOW.toMinutes()
				+ " minutes ago; it can no longer be reported. Ask for new placements.");
	}
}
