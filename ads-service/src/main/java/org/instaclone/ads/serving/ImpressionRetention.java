package org.instaclone.ads.serving;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes served slots a week after serving ({@link ServingService#RETENTION}), every
 * {@code instaclone.ads.impression-purge-interval} (default 10 minutes). Figures live on in
 * {@code campaign_day}; only the per-slot rows go (after which a click on one answers 404).
 */
@Component
class ImpressionRetention {

	private final ServingService serving;

	private final Clock clock;

	ImpressionRetention(ServingService serving, Clock clock) {
		this.serving = serving;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${instaclone.ads.impression-purge-interval:10m}",
			initialDelayString = "${instaclone.ads.impression-purge-interval:10m}")
	void purge() {
		while (serving.purgeServedBefore(clock.instant().minus(ServingService.RETENTION)) == ServingService.PURGE_BATCH) {
			// a full batch: there may be more
		}
	}
}
