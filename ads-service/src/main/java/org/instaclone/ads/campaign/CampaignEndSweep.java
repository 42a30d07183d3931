package org.instaclone.ads.campaign;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Flips campaigns whose schedule is over to {@code ended} (with their event), once a minute by default
 * ({@code instaclone.ads.end-sweep-interval}). Serving already ignores them from {@code endsAt} on;
 * this makes the status, the owner's view and the event stream say so too.
 */
@Component
class CampaignEndSweep {

	private final CampaignService campaigns;

	private final Clock clock;

	CampaignEndSweep(CampaignService campaigns, Clock clock) {
		this.campaigns = campaigns;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${instaclone.ads.end-sweep-interval:1m}",
			initialDelayString = "${instaclone.ads.end-sweep-interval:1m}")
	void sweep() {
		while (campaigns.endScheduleOver(clock.instant()) == CampaignService.SWEEP_BATCH) {
			// a full batch: there may be more
		}
	}
}
