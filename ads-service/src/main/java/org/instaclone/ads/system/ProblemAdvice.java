package org.instaclone.ads.system;

import java.util.List;
import java.util.Map;

import org.instaclone.ads.campaign.CampaignChangedException;
import org.instaclone.ads.campaign.CampaignNotFoundException;
import org.instaclone.ads.campaign.CampaignStateException;
import org.instaclone.ads.campaign.InvalidCampaignException;
import org.instaclone.ads.serving.ImpressionExpiredException;
import org.instaclone.ads.serving.ImpressionNotFoundException;
import org.instaclone.platform.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
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

	@ExceptionHandler
	ProblemDetail invalidCampaign(InvalidCampaignException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				ex.field() + ": " + ex.getMessage());
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail impressionNotFound(ImpressionNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "impression-not-found", "Impression not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail impressionExpired(ImpressionExpiredException ex) {
		return Problems.of(HttpStatus.GONE, "impression-expired", "Impression expired", ex.getMessage());
	}

	/** A stale {@code If-Match}: the precondition failed, nothing was changed. */
	@ExceptionHandler
	ProblemDetail campaignChanged(CampaignChangedException ex) {
		return Problems.of(HttpStatus.PRECONDITION_FAILED, "campaign-changed", "Campaign changed meanwhile",
				ex.getMessage());
	}

	/** Two edits of the same campaign raced; the later one lost (its transaction rolled back). */
	@ExceptionHandler
	ProblemDetail concurrentEdit(OptimisticLockingFailureException ex) {
		return Problems.of(HttpStatus.CONFLICT, "campaign-changed", "Campaign changed meanwhile",
				"Someone changed the campaign at the same time. Read it again and reapply your change.");
	}

}
