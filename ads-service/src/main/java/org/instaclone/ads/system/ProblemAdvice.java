package org.instaclone.ads.system;

import org.instaclone.ads.campaign.CampaignNotFoundException;
import org.instaclone.ads.campaign.CampaignStateException;
import org.instaclone.platform.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** ads-service's domain exceptions as RFC 9457 problems; slugs are documented in docs/problems.md. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice {

	@ExceptionHandler
	ProblemDetail campaignNotFound(CampaignNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "campaign-not-found", "Campaign not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail campaignState(CampaignStateException ex) {
		return Problems.of(HttpStatus.CONFLICT, "campaign-state", "Not possible in the campaign's status",
				ex.getMessage());
	}

}
