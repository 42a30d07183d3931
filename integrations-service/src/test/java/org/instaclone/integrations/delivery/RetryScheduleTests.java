package org.instaclone.integrations.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import org.instaclone.integrations.egress.WebhookSender;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTests {

	final Instant now = Instant.parse("2026-11-25T00:00:00Z");

	final RandomGenerator noJitter = new java.util.Random() {
		@Override
		public double nextDouble() {
			return 0;
		}
	};

	final RandomGenerator maxJitter = new java.util.Random() {
		@Override
		public double nextDouble() {
			return 0.999999;
		}
	};

	static WebhookSender.Response status(int code, Duration retryAfter) {
		return new WebhookSender.Response(code, Duration.ofMillis(5), null, retryAfter, null, false);
	}

	@Test
	void followsTheStandardWebhooksScheduleThenGivesUp() {
		Duration[] expected = { Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
				Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10) };
		for (int made = 1; made <= 7; made++) {
			assertThat(RetrySchedule.delayAfter(made, noJitter)).isEqualTo(expected[made - 1]);
			assertThat(RetrySchedule.delayAfter(made, maxJitter)).isBetween(expected[made - 1],
					expected[made - 1].multipliedBy(12).dividedBy(10));
		}
		assertThat(RetrySchedule.delayAfter(8, noJitter)).isNull();
		assertThat(RetrySchedule.judge(status(500, null), 8, now, noJitter)).isInstanceOf(Verdict.Failed.class);
	}

	@Test
	void judgesAnswers() {
		assertThat(RetrySchedule.judge(status(204, null), 1, now, noJitter)).isInstanceOf(Verdict.Delivered.class);
		assertThat(RetrySchedule.judge(status(301, null), 1, now, noJitter))
			.isEqualTo(new Verdict.Retry(now.plusSeconds(5)));
		assertThat(RetrySchedule.judge(status(410, null), 1, now, noJitter))
			.isEqualTo(new Verdict.Failed("the endpoint answered 410 Gone", true));
		assertThat(RetrySchedule.judge(status(503, Duration.ofMinutes(2)), 1, now, noJitter))
			.isEqualTo(new Verdict.Retry(now.plusSeconds(120)));
		assertThat(RetrySchedule.judge(status(429, Duration.ofDays(3)), 1, now, noJitter))
			.isEqualTo(new Verdict.Retry(now.plus(RetrySchedule.RETRY_AFTER_CAP)));
		assertThat(RetrySchedule.judge(status(500, Duration.ofMinutes(2)), 1, now, noJitter))
			.isEqualTo(new Verdict.Retry(now.plusSeconds(5)));
		assertThat(RetrySchedule.judge(status(429, Duration.ofSeconds(1)), 2, now, noJitter))
			.isEqualTo(new Verdict.Retry(now.plus(Duration.ofMinutes(5))));
	}
}
