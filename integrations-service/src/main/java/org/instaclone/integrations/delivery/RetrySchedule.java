package org.instaclone.integrations.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

import org.instaclone.integrations.egress.WebhookSender;

/**
 * When to try again, and what an answer means (Standard Webhooks, Svix). Attempts go out immediately,
 * then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after the previous failure (8 attempts, about
 * 27.6 h), each delay stretched by up to 20 % random jitter so that many deliveries failing together
 * do not return together. 2xx is delivered; 3xx is a failure (redirects are not followed); 410 Gone
 * ends the delivery and disables the endpoint; 429 and 503 with {@code Retry-After} wait at least that
 * long (capped at {@link #RETRY_AFTER_CAP}); everything else, timeouts and refused addresses included,
 * is retried on schedule.
 */
final class RetrySchedule {

	static final List<Duration> DELAYS = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
			Duration.ofHours(10));

	static final double JITTER = 0.2;

	static final Duration RETRY_AFTER_CAP = Duration.ofHours(1);

	private RetrySchedule() {
	}

	/**
	 * @param attemptsMade attempts including the one just made
	 * @return the delay before the next attempt, or {@code null} when the schedule is exhausted
	 */
	static @Nullable Duration delayAfter(int attemptsMade, RandomGenerator random) {
		if (attemptsMade >= DELAYS.size()) {
			return null;
		}
		Duration base = DELAYS.get(attemptsMade);
		return base.plusMillis((long) (base.toMillis() * JITTER * random.nextDouble()));
	}

	/** The verdict on an attempt made at {@code now}, {@code attemptsMade} counting it. */
	static Verdict judge(WebhookSender.Response response, int attemptsMade, Instant now, RandomGenerator random) {
		if (response.successful()) {
			return new Verdict.Delivered();
		}
		Integer status = response.status();
		if (status != null && status == 410) {
			return new Verdict.Failed("the endpoint answered 410 Gone", true);
		}
		Duration delay = delayAfter(attemptsMade, random);
		if (delay == null) {
			return new Verdict.Failed("no success after " + attemptsMade + " attempts", false);
		}
		Duration retryAfter = response.retryAfter();
		if (status != null && (status == 429 || status == 503) && retryAfter != null) {
			Duration asked = retryAfter.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : retryAfter;
			delay = asked.compareTo(delay) > 0 ? asked : delay;
		}
		return new Verdict.Retry(now.plus(delay));
	}
}
