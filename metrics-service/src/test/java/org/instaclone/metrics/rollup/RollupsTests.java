package org.instaclone.metrics.rollup;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.instaclone.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** The counter upsert and the zero-filled series on real PostgreSQL. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ TestInfrastructure.class, Rollups.class })
class DailyRollupRepositoryTests {

	@Autowired
	Rollups rollups;

	@Test
	void incrementsAddUpPerMetricSubjectAndDayAndGapsAreZero() {
		UUID user = UUID.randomUUID();
		LocalDate monday = LocalDate.parse("2025-06-02");
		rollups.add(Metric.FOLLOWER_GAINS, user, monday, 1);
		rollups.add(Metric.FOLLOWER_GAINS, user, monday, 1);
		rollups.add(Metric.FOLLOWER_GAINS, user, monday.plusDays(2), 1);
		rollups.add(Metric.FOLLOWER_LOSSES, user, monday, 1);
		rollups.add(Metric.FOLLOWER_GAINS, UUID.randomUUID(), monday, 5);

		assertThat(rollups.daily(Metric.FOLLOWER_GAINS, user, monday.minusDays(1), monday.plusDays(2)))
			.containsExactly(java.util.Map.entry(monday.minusDays(1), 0L), java.util.Map.entry(monday, 2L),
					java.util.Map.entry(monday.plusDays(1), 0L), java.util.Map.entry(monday.plusDays(2), 1L));
	}
}
