package org.instaclone.metrics.rollup;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
	 * caller's (consumer's) transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void add(Metric metric, UUID subject, Instant at, long delta) {
		addAll(List.of(new Increment(metric, subject, at, delta)));
	}

	/**
	 * Counts many increments with ONE statement: they are summed per counter (metric, subject, grain,
	 * bucket) first, so a batch touching a popular counter 500 times upserts it once; the counters are
	 * upserted in key order, so concurrent writers cannot deadlock on them, and atomically, so they lose
	 * no updates. Joins the caller's (consumer's) transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void addAll(Collection<Increment> increments) {
		Map<Counter, Long> sums = new HashMap<>();
		for (Increment increment : increments) {
			for (Grain grain : increment.metric().grains()) {
				sums.merge(new Counter(increment.metric().key(), increment.subject(), grain.key(),
						grain.bucket(increment.at())), increment.delta(), Long::sum);
			}
		}
		if (sums.isEmpty()) {
			return;
		}
		int n = sums.size();
		String[] metrics = new String[n];
		String[] subjects = new String[n];
		String[] grains = new String[n];
		long[] buckets = new long[n];
		long[] values = new long[n];
		int i = 0;
		for (Map.Entry<Counter, Long> sum : sums.entrySet()) {
			Counter counter = sum.getKey();
			metrics[i] = counter.metric();
			subjects[i] = counter.subject().toString();
			grains[i] = counter.grain();
			buckets[i] = ChronoUnit.MICROS.between(Instant.EPOCH, counter.bucket());
			values[i++] = sum.getValue();
		}
		jdbc.sql("""
				insert into rollup (metric, subject_id, grain, bucket, value)
				select m, s, g, timestamptz 'epoch' + b * interval '1 microsecond', v
				from unnest(?::text[], ?::uuid[], ?::text[], ?::int8[], ?::int8[]) as u(m, s, g, b, v)
				order by m, s, g, b
				on conflict (metric, subject_id, grain, bucket) do update set value = rollup.value + excluded.value""")
			.params(metrics, subjects, grains, buckets, values)
			.update();
	}

	/** {@code delta} more of a metric for a subject at an instant (counted in each of the metric's grains). */
	public record Increment(Metric metric, UUID subject, Instant at, long delta) {
	}

	private record Counter(String metric, UUID subject, String grain, Instant bucket) {
	}

	/**
	 * The metric in each bucket from the one holding {@code from} to the one holding {@code to}
	 * (inclusive), oldest first, zero where nothing happened. The caller bounds the range.
	 */
	@Transactional(readOnly = true)
	public Map<Instant, Long> series(Metric metric, UUID subject, Grain grain, Instant from, Instant to) {
		Instant first = grain.bucket(from);
		Instant last = grain.bucket(to);
		return series(metric, subject, new Resolution(grain, 1, first, last, last));
	}

	/**
	 * The metric per point of the resolution, oldest first, zero where nothing happened: one range scan
	 * of the primary key; with {@code step > 1} the buckets are summed into points in the database
	 * ({@code date_bin} from the first point), so only the points cross the wire.
	 */
	@Transactional(readOnly = true)
	public Map<Instant, Long> series(Metric metric, UUID subject, Resolution resolution) {
		Map<Instant, Long> series = new LinkedHashMap<>();
		for (Instant point = resolution.from(); !point.isAfter(resolution.to()); point = resolution.next(point)) {
			series.put(point, 0L);
		}
		Timestamp first = Timestamp.from(resolution.from());
		Timestamp last = Timestamp.from(resolution.last());
		var query = resolution.step() == 1 ? jdbc.sql("""
				select bucket, value from rollup
				where metric = ? and subject_id = ? and grain = ? and bucket between ? and ?""")
			.params(metric.key(), subject, resolution.grain().key(), first, last)
				: jdbc.sql("""
						select date_bin(make_interval(secs => ?), bucket, ?), sum(value) from rollup
						where metric = ? and subject_id = ? and grain = ? and bucket between ? and ?
						group by 1""")
					.params(resolution.stepDuration().toSeconds(), first, metric.key(), subject,
							resolution.grain().key(), first, last);
		query.query((rs, n) -> Map.entry(rs.getTimestamp(1).toInstant(), rs.getLong(2)))
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
