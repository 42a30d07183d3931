package org.instaclone.gateway.resilience;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's breaker, retry and rate-limit settings ({@code instaclone.gateway.*}). The breakers'
 * thresholds themselves are Resilience4j's ({@code resilience4j.circuitbreaker.*} in application.yml).
 *
 * @param circuitBreaker whether requests go through the per-service breakers, and which upstream
 * answers count as failures
 * @param retry how often an idempotent request is tried again
 * @param rateLimit the named limits the {@code RateLimit} route filter applies
 */
@ConfigurationProperties("instaclone.gateway")
record ResilienceProperties(@DefaultValue CircuitBreaker circuitBreaker, @DefaultValue Retry retry,
		@DefaultValue RateLimit rateLimit) {

	/**
	 * @param enabled {@code false} sends every request straight through (benchmarks past saturation)
	 * @param failureStatuses upstream statuses recorded as failures; 503 is left out because the
	 * services answer it on purpose for one busy endpoint (uploads-busy, views-busy), which must not
	 * cut off the whole service
	 */
	record CircuitBreaker(@DefaultValue("true") boolean enabled,
			@DefaultValue({ "500", "502", "504" }) List<Integer> failureStatuses) {
	}

	/**
	 * @param retries extra attempts for a GET or HEAD whose connection failed or that was answered
	 * 502/503; {@code 0} switches retries off. Never more than a few: each retry is another request
	 * to a service that is already in trouble.
	 */
	record Retry(@DefaultValue("1") int retries) {
	}

	/**
	 * @param enabled {@code false} switches every limit off (benchmarks that drive one user at
	 * hundreds of requests per second)
	 * @param maxKeys buckets kept per limit; the least recently used are dropped beyond it
	 * @param limits the limits by name, referenced by the {@code RateLimit} route filter
	 */
	record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("100000") int maxKeys,
			@DefaultValue Map<String, Limit> limits) {
	}

	/**
	 * A token bucket: up to {@code requests} at once, refilled evenly over {@code per}.
	 *
	 * @param requests the bucket's size
	 * @param per the time in which an empty bucket fills up again
	 * @param key whose bucket a request takes from
	 */
	record Limit(int requests, Duration per, @DefaultValue("user-or-ip") Key key) {
	}

	/** Whose bucket a request takes from. */
	enum Key {

		/** The signed-in user (the token's subject); a request without a token is not limited. */
		USER,

		/** The client's IP address, signed in or not. */
		IP,

		/** The signed-in user, or the IP address for requests without a token. */
		USER_OR_IP
	}
}
