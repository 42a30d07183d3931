package org.instaclone.integrations.system;

import org.instaclone.integrations.app.AppNotFoundException;
import org.instaclone.integrations.delivery.DeliveryNotFoundException;
import org.instaclone.integrations.delivery.ReplayNotPossibleException;
import org.instaclone.integrations.endpoint.EndpointNotFoundException;
import org.instaclone.integrations.endpoint.UnsupportedEventTypeException;
import org.instaclone.platform.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** integrations-service's domain exceptions as RFC 9457 problems; slugs are documented in docs/problems.md. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice {

	@ExceptionHandler
	ProblemDetail appNotFound(AppNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "app-not-found", "App not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail endpointNotFound(EndpointNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "endpoint-not-found", "Endpoint not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail deliveryNotFound(DeliveryNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "delivery-not-found", "Delivery not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail replayNotPossible(ReplayNotPossibleException ex) {
		return Problems.of(HttpStatus.CONFLICT, "replay-not-possible", "Replay not possible now", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unsupportedEventType(UnsupportedEventTypeException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "unsupported-event-type", "Unsupported event type",
				ex.getMessage());
	}

}
