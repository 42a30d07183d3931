package org.instaclone.integrations.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.instaclone.integrations.egress.WebhookSender;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recorder's reads and writes, a statement each for a whole batch of attempts: the deliveries'
 * states without their payloads, the new {@code delivery_attempt} rows, and the columns an attempt
 * changes. (Through JPA, each recorded attempt loaded the payload and wrote every column of its
 * delivery back, payload included, in batches of 50: about a third of PostgreSQL's work at 1,000
 * attempts a second, see docs/performance.md.)
 */
@Component
class AttemptLog {

	private final JdbcClient jdbc;

	AttemptLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One try at a delivery, as {@code delivery_attempt} keeps it: the status code or the network error, the
	 * latency, and the first characters of the response (already cut by {@link WebhookSender}).
	 */
	record Attempt(UUID deliveryId, Instant at, @Nullable Integer statusCode, int latencyMs,
			DeliveryAttempt.Outcome outcome, @Nullable String error, @Nullable String excerpt) {

		static Attempt of(UUID deliveryId, Instant at, WebhookSender.Response response) {
			return new Attempt(deliveryId, at.truncatedTo(ChronoUnit.MICROS), response.status(),
					(int) Math.min(Integer.MAX_VALUE, response.latency().toMillis()),
					response.successful() ? DeliveryAttempt.Outcome.DELIVERED
							: response.refused() ? DeliveryAttempt.Outcome.REFUSED : DeliveryAttempt.Outcome.FAILED,
					response.error(), response.excerpt());
		}

		/** An attempt not made because the endpoint is disabled. */
		static Attempt skipped(UUID deliveryId, Instant at, String why) {
			return of(deliveryId, at, new WebhookSender.Response(null, Duration.ZERO, null, null, why, true));
		}
	}

	/**
	 * The pending ones among {@code ids}, by id. Also makes the caller's transaction commit without
	 * waiting for the disk ({@link DeliveryQueue#RELAXED}). Pending is checked here, not in SQL: with
	 * {@code status = 'PENDING'} in the query the planner ANDed the primary key with the partial index
	 * {@code delivery_due} and read all of that index (31,292 entries, dead ones included) per batch.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Map<UUID, DeliveryState> pending(Collection<UUID> ids) {
		Map<UUID, DeliveryState> found = new HashMap<>();
		jdbc.sql("with " + DeliveryQueue.RELAXED + """
				select id, endpoint_id, app_id, event_type, attempts, next_attempt_at, last_attempt_at, status
				from relaxed, delivery
				where id = any(cast(? as uuid[]))""")
			.param(ids.stream().map(UUID::toString).toArray(String[]::new))
			.query((rs, n) -> new DeliveryState(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), Delivery.Status.valueOf(rs.getString(8)), rs.getInt(5),
					instant(rs.getObject(6, java.time.OffsetDateTime.class)),
					instant(rs.getObject(7, java.time.OffsetDateTime.class)), null))
			.list()
			.stream()
			.filter(DeliveryState::pending)
			.forEach(state -> found.put(state.id(), state));
		return found;
	}

	/** Logs the attempts and writes the deliveries' new states, one statement each. */
	@Transactional(propagation = Propagation.MANDATORY)
	void write(List<Attempt> attempts, Collection<DeliveryState> states) {
		if (!attempts.isEmpty()) {
			int n = attempts.size();
			String[] deliveryIds = new String[n];
			String[] at = new String[n];
			Integer[] statusCodes = new Integer[n];
			Integer[] latencies = new Integer[n];
			String[] outcomes = new String[n];
			String[] errors = new String[n];
			String[] excerpts = new String[n];
			for (int i = 0; i < n; i++) {
				Attempt a = attempts.get(i);
				deliveryIds[i] = a.deliveryId().toString();
				at[i] = a.at().toString();
				statusCodes[i] = a.statusCode();
				latencies[i] = a.latencyMs();
				outcomes[i] = a.outcome().name();
				errors[i] = a.error();
				excerpts[i] = a.excerpt();
			}
			jdbc.sql("""
					insert into delivery_attempt
					    (id, delivery_id, attempted_at, status_code, latency_ms, outcome, error, response_excerpt)
					select gen_random_uuid(), delivery_id, attempted_at, status_code, latency_ms, outcome, error, excerpt
					from unnest(cast(? as uuid[]), cast(? as timestamptz[]), cast(? as int[]), cast(? as int[]),
					            cast(? as text[]), cast(? as text[]), cast(? as text[]))
					    as a (delivery_id, attempted_at, status_code, latency_ms, outcome, error, excerpt)""")
				.params(deliveryIds, at, statusCodes, latencies, outcomes, errors, excerpts)
				.update();
		}
		if (!states.isEmpty()) {
			int n = states.size();
			String[] ids = new String[n];
			String[] statuses = new String[n];
			Integer[] counts = new Integer[n];
			String[] next = new String[n];
			String[] last = new String[n];
			String[] finished = new String[n];
			int i = 0;
			for (DeliveryState s : states) {
				ids[i] = s.id().toString();
				statuses[i] = s.status().name();
				counts[i] = s.attempts();
				next[i] = text(s.nextAttemptAt());
				last[i] = text(s.lastAttemptAt());
				finished[i] = text(s.finishedAt());
				i++;
			}
			jdbc.sql("""
					update delivery d
					set status = u.status, attempts = u.attempts, next_attempt_at = u.next_attempt_at,
					    last_attempt_at = u.last_attempt_at, finished_at = u.finished_at
					from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as int[]), cast(? as timestamptz[]),
					            cast(? as timestamptz[]), cast(? as timestamptz[]))
					    as u (id, status, attempts, next_attempt_at, last_attempt_at, finished_at)
					where d.id = u.id""")
				.params(ids, statuses, counts, next, last, finished)
				.update();
		}
	}

	private static @Nullable Instant instant(java.time.@Nullable OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}

	private static @Nullable String text(@Nullable Instant at) {
		return at == null ? null : at.toString();
	}
}
