package org.instaclone.metrics.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.instaclone.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The counter upserts per grain and the zero-filled series on real PostgreSQL. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ TestInfrastructure.class, Rollups.class })
class RollupsTests {

	@Autowired
	Rollups rollups;

	final UUID user = UUID.randomUUID();

	@Test
	void incrementsAddUpPerMetricSubjectAndDayAndGapsAreZero() {
		LocalDate monday = LocalDate.parse("2025-06-02");
		rollups.add(Metric.FOLLOWER_GAINS, user, Instant.parse("2025-06-02T08:00:00Z"), 1);
		rollups.add(Metric.FOLLOWER_GAINS, user, Instant.parse("2025-06-02T23:59:59Z"), 1);
		rollups.add(Metric.FOLLOWER_GAINS, user, Instant.parse("2025-06-04T00:00:00Z"), 1);
		rollups.add(Metric.FOLLOWER_LOSSES, user, Instant.parse("2025-06-02T08:00:00Z"), 1);
		rollups.add(Metric.FOLLOWER_GAINS, UUID.randomUUID(), Instant.parse("2025-06-02T08:00:00Z"), 5);

		assertThat(rollups.daily(Metric.FOLLOWER_GAINS, user, monday.minusDays(1), monday.plusDays(2)))
			.containsExactly(entry(monday.minusDays(1), 0L), entry(monday, 2L), entry(monday.plusDays(1), 0L),
					entry(monday.plusDays(2), 1L));
	}

	@Test
	void eachEventLandsInItsMinuteHourAndDayBucket() {
		rollups.add(Metric.FOLLOWER_GAINS, user, Instant.parse("2025-06-02T10:15:59.999Z"), 1);
		rollups.add(Metric.FOLLOWER_GAINS, user, Instant.parse("2025-06-02T10:16:00Z"), 2);
		rollups.add(Metric.FOLLOWER_GAINS, user, Instant.parse("2025-06-02T11:00:00Z"), 4);

		assertThat(rollups.series(Metric.FOLLOWER_GAINS, user, Grain.MINUTE, Instant.parse("2025-06-02T10:15:30Z"),
				Instant.parse("2025-06-02T10:17:00Z")))
			.containsExactly(entry(Instant.parse("2025-06-02T10:15:00Z"), 1L),
					entry(Instant.parse("2025-06-02T10:16:00Z"), 2L), entry(Instant.parse("2025-06-02T10:17:00Z"), 0L));
		assertThat(rollups.series(Metric.FOLLOWER_GAINS, user, Grain.HOUR, Instant.parse("2025-06-02T10:00:00Z"),
				Instant.parse("2025-06-02T11:59:00Z")))
			.containsExactly(entry(Instant.parse("2025-06-02T10:00:00Z"), 3L),
					entry(Instant.parse("2025-06-02T11:00:00Z"), 4L));
		assertThat(rollups.series(Metric.FOLLOWER_GAINS, user, Grain.DAY, Instant.parse("2025-06-02T00:00:00Z"),
				Instant.parse("2025-06-02T00:00:00Z")))
			.isEqualTo(Map.of(Instant.parse("2025-06-02T00:00:00Z"), 7L));
	}

	@Test
	void aBatchOfIncrementsIsSummedPerCounter() {
		UUID other = UUID.randomUUID();
		rollups.addAll(java.util.List.of(new Rollups.Increment(Metric.FOLLOWER_GAINS, user, Instant.parse("2025-06-02T10:15:01Z"), 1),
				new Rollups.Increment(Metric.FOLLOWER_GAINS, user, Instant.parse("2025-06-02T10:15:59Z"), 2),
				new Rollups.Increment(Metric.FOLLOWER_GAINS, user, Instant.parse("2025-06-02T10:16:00Z"), 4),
				new Rollups.Increment(Metric.FOLLOWER_GAINS, other, Instant.parse("2025-06-02T10:15:00Z"), 8),
				new Rollups.Increment(Metric.FOLLOWER_LOSSES, user, Instant.parse("2025-06-02T10:15:00Z"), 16)));
		rollups.addAll(java.util.List.of(new Rollups.Increment(Metric.FOLLOWER_GAINS, user, Instant.parse("2025-06-02T10:15:30Z"), 32)));

		assertThat(rollups.series(Metric.FOLLOWER_GAINS, user, Grain.MINUTE, Instant.parse("2025-06-02T10:15:00Z"),
				Instant.parse("2025-06-02T10:16:00Z")))
			.containsExactly(entry(Instant.parse("2025-06-02T10:15:00Z"), 35L),
					entry(Instant.parse("2025-06-02T10:16:00Z"), 4L));
		assertThat(rollups.daily(Metric.FOLLOWER_GAINS, user, LocalDate.parse("2025-06-02"), LocalDate.parse("2025-06-02")))
			.containsExactly(entry(LocalDate.parse("2025-06-02"), 39L));
		assertThat(rollups.daily(Metric.FOLLOWER_GAINS, other, LocalDate.parse("2025-06-02"), LocalDate.parse("2025-06-02")))
			.containsExactly(entry(LocalDate.parse("2025-06-02"), 8L));
		assertThat(rollups.daily(Metric.FOLLOWER_LOSSES, user, LocalDate.parse("2025-06-02"), LocalDate.parse("2025-06-02")))
			.containsExactly(entry(LocalDate.parse("2025-06-02"), 16L));
	}
}
