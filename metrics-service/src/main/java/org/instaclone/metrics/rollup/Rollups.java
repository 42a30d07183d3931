package org.instaclone.metrics.rollup;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The counters in {@code rollup}: written by the event consumers, read by the insight API. */
@Service
public class Rollups {

	/** The subject of platform-wide metrics. */
	public static final UUID PLATFORM = new UUID(0, 0);

	private final JdbcClient jdbc;

	Rollups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts {@code delta} more of the metric at {@code at}, in every grain the metric keeps; joins the
	 * caller's (consumer's) transaction. One upsert per grain, so concurrent writers lose no updates.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void add(Metric metric, UUID subject, Instant at, long delta) {
		for (Grain grain : metric.grains()) {
			jdbc.sql("""
					insert into rollup (metric, subject_id, grain, bucket, value) values (?, ?, ?, ?, ?)
					on conflict (metric, subject_id, grain, bucket) do update set value = rollup.value + excluded.value""")
				.params(metric.key(), subject, grain.key(), Timestamp.from(grain.bucket(at)), delta)
				.update();
		}
	}

	/**
	 * The metric in each bucket from the one holding {@code from} to the one holding {@code to}
	 * (inclusive), oldest first, zero where nothing happened. The caller bounds the range.
	 */
	@Transactional(readOnly = true)
	public Map<Instant, Long> series(Metric metric, UUID subject, Grain grain, Instant from, Instant to) {
		Instant first = grain.bucket(from);
		Instant last = grain.bucket(to);
		Map<Instant, Long> series = new LinkedHashMap<>();
		for (Instant bucket = first; !bucket.isAfter(last); bucket = grain.next(bucket)) {
			series.put(bucket, 0L);
		}
		jdbc.sql("""
				select bucket, value from rollup
				where metric = ? and subject_id = ? and grain = ? and bucket between ? and ?""")
			.params(metric.key(), subject, grain.key(), Timestamp.from(first), Timestamp.from(last))
			.query((rs, n) -> Map.entry(rs.getTimestamp(1).toInstant(), rs.getLong(2)))
			.list()
			.forEach(e -> series.put(e.getKey(), e.getValue()));
		return series;
	}

	/** {@link #series} per UTC day. */
	@Transactional(readOnly = true)
	public Map<LocalDate, Long> daily(Metric metric, UUID subject, LocalDate from, LocalDate to) {
		Map<LocalDate, Long> days = new LinkedHashMap<>();
		series(metric, subject, Grain.DAY, from.atStartOfDay(ZoneOffset.UTC).toInstant(),
				to.atStartOfDay(ZoneOffset.UTC).toInstant())
			.forEach((bucket, value) -> days.put(LocalDate.ofInstant(bucket, ZoneOffset.UTC), value));
		return days;
	}
}
