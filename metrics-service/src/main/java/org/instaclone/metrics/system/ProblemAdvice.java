package org.instaclone.metrics.system;

import java.util.List;
import java.util.Map;

import org.instaclone.metrics.insight.InvalidRangeException;
import org.instaclone.metrics.insight.NotFoundException;
import org.instaclone.metrics.insight.UnknownMetricException;
import org.instaclone.metrics.view.InvalidViewException;
import org.instaclone.metrics.view.ViewBodyTooLargeException;
import org.instaclone.metrics.view.ViewsBusyException;
import org.instaclone.platform.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** metrics-service's domain exceptions as RFC 9457 problems; slugs are documented in docs/problems.md. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice {

	@ExceptionHandler
	ProblemDetail unknownMetric(UnknownMetricException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "unknown-metric", "Unknown metric", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidRange(InvalidRangeException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "invalid-range", "Granularity or range not served",
				ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, ex.slug(), "Not found", ex.getMessage());
	}

	/** Same shape as Bean Validation's problems: the item is named in {@code errors[0].field}. */
	@ExceptionHandler
	ProblemDetail invalidView(InvalidViewException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				ex.field() + ": " + ex.getMessage());
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail bodyTooLarge(ViewBodyTooLargeException ex) {
		return ex.lengthMissing()
				? Problems.of(HttpStatus.LENGTH_REQUIRED, "length-required", "Content-Length required", ex.getMessage())
				: Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Body too large", ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> busy(ViewsBusyException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()))
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "views-busy", "Try again shortly", ex.getMessage()));
	}
}
