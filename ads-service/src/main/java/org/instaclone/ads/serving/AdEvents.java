package org.instaclone.ads.serving;

import java.time.Instant;
import java.util.UUID;

/**
 * What serving publishes on topic {@code ads} (key and subject: campaign id, like campaign events, so
 * one campaign's events stay in order). One event per first-time impression and click.
 */
final class AdEvents {

	static final String IMPRESSION = "instaclone.ad.impression-recorded.v1";

	static final String CLICK = "instaclone.ad.clicked.v1";

	private AdEvents() {
	}

	/** {@code costMillicents} is 0 when the day's budget was already spent (the impression was free). */
	record Impression(UUID impressionId, UUID campaignId, long costMillicents, Instant at) {
	}

	record Click(UUID impressionId, UUID campaignId, Instant at) {
	}
}
