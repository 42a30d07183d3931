package org.instaclone.metrics.view;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.instaclone.metrics.rollup.Metric;
import org.instaclone.metrics.rollup.Rollups;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of views in ONE statement: the rows go in with {@code on conflict do nothing} (the
 * primary key {@code (viewer_id, event_id)} is the exactly-once guard), and only the rows that were
 * really inserted are counted into {@code rollup} ({@code post-views} per post, {@code views}
 * platform-wide), grouped so each counter is upserted once per batch. The batch travels as four
 * arrays ({@code unnest}), so the statement text and its plan are the same for any batch size.
 * Counters are upserted in key order, so concurrent writers cannot deadlock.
 */
@Component
class ViewStore {

	private static final String SQL = """
			with fresh as (
			    insert into post_view (viewer_id, event_id, post_id, viewed_at)
			    select v, e, p, timestamptz 'epoch' + t * interval '1 microsecond'
			    from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::int8[]) as b(v, e, p, t)
			    on conflict do nothing
			    returning post_id, viewed_at
			), counted as (
			    select '%s' as metric, post_id as subject_id, g.grain, date_trunc(g.grain, viewed_at, 'UTC') as bucket,
			           count(*) as value
			    from fresh, (values %s) as g(grain)
			    group by 1, 2, 3, 4
			    union all
			    select '%s', '%s'::uuid, g.grain, date_trunc(g.grain, viewed_at, 'UTC'), count(*)
			    from fresh, (values %s) as g(grain)
			    group by 1, 2, 3, 4
			), rolled as (
			    insert into rollup (metric, subject_id, grain, bucket, value)
			    select metric, subject_id, grain, bucket, value from counted
			    order by metric, subject_id, grain, bucket
			    on conflict (metric, subject_id, grain, bucket) do update set value = rollup.value + excluded.value
			)
			select count(*) from fresh""".formatted(Metric.POST_VIEWS.key(), values(Metric.POST_VIEWS),
			Metric.VIEWS.key(), Rollups.PLATFORM, values(Metric.VIEWS));

	private final JdbcTemplate jdbc;

	ViewStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One view of a batch, with its viewer. */
	record Row(UUID viewerId, UUID eventId, UUID postId, Instant viewedAt) {
	}

	/** @return how many of the rows were new (the rest were already stored: replays) */
	int write(List<Row> rows) {
		Integer fresh = jdbc.execute((ConnectionCallback<Integer>) connection -> write(connection, rows));
		return fresh == null ? 0 : fresh;
	}

	private static int write(Connection connection, List<Row> rows) throws SQLException {
		int n = rows.size();
		Object[] viewers = new Object[n];
		Object[] events = new Object[n];
		Object[] posts = new Object[n];
		Object[] micros = new Object[n];
		for (int i = 0; i < n; i++) {
			Row row = rows.get(i);
			viewers[i] = row.viewerId();
			events[i] = row.eventId();
			posts[i] = row.postId();
			micros[i] = ChronoUnit.MICROS.between(Instant.EPOCH, row.viewedAt());
		}
		Array a = connection.createArrayOf("uuid", viewers);
		Array b = connection.createArrayOf("uuid", events);
		Array c = connection.createArrayOf("uuid", posts);
		Array d = connection.createArrayOf("int8", micros);
		try (PreparedStatement statement = connection.prepareStatement(SQL)) {
			statement.setArray(1, a);
			statement.setArray(2, b);
			statement.setArray(3, c);
			statement.setArray(4, d);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1);
			}
		}
		finally {
			a.free();
			b.free();
			c.free();
			d.free();
		}
	}

	/** Deletes views older than {@code before}: their ids no longer need remembering. */
	int forgetBefore(Instant before) {
		return jdbc.update("delete from post_view where viewed_at < ?", java.sql.Timestamp.from(before));
	}

	private static String values(Metric metric) {
		return metric.grains().stream().map(g -> "('" + g.key() + "')").collect(Collectors.joining(", "));
	}

}
