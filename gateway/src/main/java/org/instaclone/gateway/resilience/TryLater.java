package org.instaclone.gateway.resilience;

import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request the gateway refuses for now (429 over a rate limit, 503 while a breaker is open), with
 * {@code Retry-After}; {@code ProblemErrorHandler} writes it as a problem and keeps the header. No
 * stack trace: this is the path taken under abuse or while a service is down, so it must be cheap.
 */
final class TryLater extends ResponseStatusException {

	private final HttpHeaders headers = new HttpHeaders();

	private TryLater(HttpStatus status, String detail, long retryAfterSeconds) {
		super(status, detail);
		this.headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
	}

	/** 429 {@code rate-limited}: the limit's bucket refills a token in {@code nanosToWait}. */
	static TryLater rateLimited(String limit, long nanosToWait) {
		long seconds = wholeSeconds(nanosToWait);
		return new TryLater(HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests (limit '" + limit + "'). Try again in " + seconds + " s.", seconds);
	}

	/** 503 {@code service-unavailable}: the breaker of {@code service} lets trial calls through in {@code nanosToWait}. */
	static TryLater serviceOpen(String service, long nanosToWait) {
		long seconds = wholeSeconds(nanosToWait);
		return new TryLater(HttpStatus.SERVICE_UNAVAILABLE, "The " + service
				+ " is failing; the gateway is not sending it requests for now. Try again in " + seconds + " s.",
				seconds);
	}

	/** Rounded up, at least 1 ({@code Retry-After: 0} would invite an immediate retry). */
	private static long wholeSeconds(long nanos) {
		return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(Math.max(0, nanos) + 999_999_999L));
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}
}
