package org.instaclone.ads.serving;

import java.util.List;
import java.util.UUID;

/**
 * One ad slot for the viewer. The client shows the creative ({@code mediaKey} is served by
 * upload-service at {@code /api/media/{mediaKey}}), reports it seen with {@code POST impressionUrl},
 * and sends a tap to {@code clickUrl}, which redirects to {@code callToActionUrl}.
 */
record Placement(UUID impressionId, UUID campaignId, String headline, String mediaKey, String callToActionUrl,
		String impressionUrl, String clickUrl) {

	static Placement of(UUID impressionId, UUID campaignId, String headline, String mediaKey, String url) {
		return new Placement(impressionId, campaignId, headline, mediaKey, url, "/api/ads/impressions/" + impressionId,
				"/api/ads/click/" + impressionId);
	}

	/** The answer of {@code GET /api/ads/placements}: at most the slots asked for, possibly none. */
	record Placements(List<Placement> placements) {
	}
}
