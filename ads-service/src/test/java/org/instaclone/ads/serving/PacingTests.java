package org.instaclone.ads.serving;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PacingTests {

	@Test
	void theFractionOfTheDayIsMeasuredInUtc() {
		assertThat(Pacing.fractionOfDay(Instant.parse("2030-03-01T00:00:00Z"))).isZero();
		assertThat(Pacing.fractionOfDay(Instant.parse("2030-03-01T06:00:00Z"))).isCloseTo(0.25, within(1e-9));
		assertThat(Pacing.fractionOfDay(Instant.parse("2030-03-01T18:00:00Z"))).isCloseTo(0.75, within(1e-9));
	}

	@Test
	void aBudgetIsReleasedAcrossTheDayWithASmallBurst() {
		// 100.00 a day = 10,000,000 millicents; burst 2% = 200,000
		assertThat(Pacing.allowedMillicents(10_000, 500, 0.0)).isEqualTo(200_000);
		assertThat(Pacing.allowedMillicents(10_000, 500, 0.25)).isEqualTo(2_700_000);
		assertThat(Pacing.allowedMillicents(10_000, 500, 0.999)).isEqualTo(10_000_000);
	}

	@Test
	void theBurstAlwaysAllowsOneImpressionEvenOnATinyBudget() {
		assertThat(Pacing.allowedMillicents(1, 900, 0.0)).isEqualTo(900);
		assertThat(Pacing.allowedMillicents(1, 1_000, 0.0)).isEqualTo(1_000);
	}
}
