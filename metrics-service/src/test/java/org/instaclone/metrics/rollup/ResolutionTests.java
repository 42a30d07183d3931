package org.instaclone.metrics.rollup;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResolutionTests {

	final Instant start = Instant.parse("2026-01-01T00:00:30Z");

	@Test
	void aRangeThatFitsIsReadAtTheRequestedGrainOnePointPerBucket() {
		Resolution day = Resolution.of(Grain.MINUTE, start, start.plus(Duration.ofHours(24))).orElseThrow();
		assertThat(day).isEqualTo(new Resolution(Grain.MINUTE, 1, Instant.parse("2026-01-01T00:00:00Z"),
				Instant.parse("2026-01-02T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z")));
	}

	@Test
	void moreThan1441BucketsAreSummedIntoStepsTheLastPointMayBeShort() {
		Resolution r = Resolution.of(Grain.MINUTE, start, start.plus(Duration.ofHours(24).plusMinutes(1))).orElseThrow();
		assertThat(r.step()).isEqualTo(2);
		assertThat(r.to()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z")); // 722 points, the last one 1 minute
		assertThat(r.last()).isEqualTo(Instant.parse("2026-01-02T00:01:00Z"));
		assertThat(Resolution.of(Grain.HOUR, start, start.plus(Duration.ofDays(90))).orElseThrow().step()).isEqualTo(2);
	}

	@Test
	void aRangeLongerThanTheGrainReadsIsReadFromACoarserGrain() {
		assertThat(Resolution.of(Grain.MINUTE, start, start.plus(Duration.ofHours(49))).orElseThrow().grain())
			.isEqualTo(Grain.HOUR);
		assertThat(Resolution.of(Grain.MINUTE, start, start.plus(Duration.ofDays(91))).orElseThrow().grain())
			.isEqualTo(Grain.DAY);
		assertThat(Resolution.of(Grain.MINUTE, start, start.plus(Duration.ofDays(732)))).isEmpty();
	}
}
