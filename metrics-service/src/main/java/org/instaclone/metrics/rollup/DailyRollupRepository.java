package org.instaclone.metrics.rollup;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DailyRollupRepository extends JpaRepository<DailyRollup, DailyRollup.Key> {

	/** Adds {@code delta} to the counter, creating it at {@code delta}; one statement, no lost updates. */
	@Modifying
	@Query(value = """
			insert into daily_rollup (metric, subject_id, day, value) values (:metric, :subject, :day, :delta)
			on conflict (metric, subject_id, day) do update set value = daily_rollup.value + excluded.value""",
			nativeQuery = true)
	void increment(@Param("metric") String metric, @Param("subject") UUID subject, @Param("day") LocalDate day,
			@Param("delta") long delta);

	/** Served by the primary key {@code (metric, subject_id, day)}. */
	List<DailyRollup> findByKeyMetricAndKeySubjectIdAndKeyDayBetween(String metric, UUID subject, LocalDate from,
			LocalDate to);
}
