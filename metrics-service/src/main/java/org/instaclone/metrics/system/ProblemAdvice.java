package org.instaclone.metrics.system;

import org.instaclone.metrics.insight.UnknownMetricException;
import org.instaclone.platform.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
}
