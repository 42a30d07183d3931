package org.instaclone.integrations.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.instaclone.integrations.endpoint.Endpoints;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery table as a work queue. A claim takes due deliveries with {@code FOR UPDATE SKIP LOCKED}
 * (several instances never take the same row) and moves their {@code next_attempt_at} a lease ahead:
 * if the instance dies mid-attempt, the delivery becomes due again when the lease ends. State lives
 * only in the database, so a restart loses nothing.
 */
@Component
class DeliveryQueue {

	/**
	 * A common table expression, {@code relaxed}, that makes the transaction of the statement that joins
	 * it commit without waiting for the disk ({@code synchronous_commit = off}, this transaction only;
	 * inside the statement, so without a round trip of its own). Used for claims and attempt records,
	 * whose loss in a database crash (the last fraction of a second) only means a delivery is sent again
	 * with the same {@code webhook-id}, which at-least-once delivery allows and receivers dedupe. Never
	 * for the fan-out: losing that would lose events whose Kafka offsets are already committed.
	 */
	static final String RELAXED = "relaxed as (select set_config('synchronous_commit', 'off', true))\n";

	private final JdbcClient jdbc;

	DeliveryQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A claimed delivery: which, for which endpoint, when it was due (to give it back), and what to send. */
	record Claim(UUID id, UUID endpointId, Instant due, String payload) {

		@Override
		public String toString() {
			return "Claim[id=" + id + ", endpointId=" + endpointId + "]";
		}
	}

	/** An event owed to its subscribed endpoints: a delivery each. */
	record Owed(String eventId, String eventType, String payload, List<Endpoints.Subscriber> subscribers) {
	}

	/**
	 * Records a pending delivery, due at {@code now}, for each event and each of its subscribers, in one
	 * statement (each payload sent once) in the caller's transaction. Through JPA this was one entity,
	 * repository call and batched insert per delivery, a third of the fan-out consumer's CPU.
	 * @return how many deliveries were recorded
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int enqueue(List<Owed> owed, Instant now) {
		int events = owed.size();
		int deliveries = owed.stream().mapToInt(o -> o.subscribers().size()).sum();
		if (deliveries == 0) {
			return 0;
		}
		String[] eventIds = new String[events];
		String[] types = new String[events];
		String[] payloads = new String[events];
		Integer[] ofEvent = new Integer[deliveries];
		String[] endpointIds = new String[deliveries];
		String[] appIds = new String[deliveries];
		int d = 0;
		for (int e = 0; e < events; e++) {
			Owed event = owed.get(e);
			eventIds[e] = event.eventId();
			types[e] = event.eventType();
			payloads[e] = event.payload();
			for (Endpoints.Subscriber subscriber : event.subscribers()) {
				ofEvent[d] = e + 1;
				endpointIds[d] = subscriber.endpointId().toString();
				appIds[d] = subscriber.appId().toString();
				d++;
			}
		}
		OffsetDateTime due = utc(now.truncatedTo(ChronoUnit.MICROS));
		return jdbc.sql("""
				insert into delivery (id, endpoint_id, app_id, event_id, event_type, payload, status, attempts,
				                      created_at, next_attempt_at)
				select gen_random_uuid(), s.endpoint_id, s.app_id, e.event_id, e.event_type, e.payload, 'PENDING', 0,
				       ?, ?
				from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]))
				         with ordinality as e (event_id, event_type, payload, n)
				join unnest(cast(? as int[]), cast(? as uuid[]), cast(? as uuid[])) as s (n, endpoint_id, app_id)
				    on s.n = e.n""")
			.params(due, due, eventIds, types, payloads, ofEvent, endpointIds, appIds)
			.update();
	}

	/**
	 * Claims up to {@code max} deliveries due at {@code now}, oldest due first, skipping busy endpoints.
	 * One statement, so it runs as its own transaction (autocommit): no transaction manager, no JPA
	 * session and no round trips for begin and commit around each of the ~170 claims a second.
	 */
	List<Claim> claim(Instant now, Instant leaseUntil, int max, Collection<UUID> busyEndpoints) {
		List<UUID> busy = busyEndpoints.isEmpty() ? List.of(new UUID(0, 0)) : new ArrayList<>(busyEndpoints);
		// under load there are a few hundred claims a second, and a round trip of its own for the
		// setting was a third of each one's
		return jdbc.sql("""
				with due as (
				    select id, next_attempt_at from delivery
				    where status = 'PENDING' and next_attempt_at <= :now and endpoint_id not in (:busy)
				    order by next_attempt_at
				    limit :max
				    for update skip locked),
				""" + RELAXED + """
				update delivery d set next_attempt_at = :lease
				from due, relaxed where d.id = due.id
				returning d.id, d.endpoint_id, due.next_attempt_at, d.payload""")
			.param("now", utc(now))
			.param("busy", busy)
			.param("max", max)
			.param("lease", utc(leaseUntil))
			.query((rs, n) -> new Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
			.list();
	}

	/** Gives a claimed delivery back unattempted, due as before (one statement, autocommit). */
	void release(Claim claim) {
		jdbc.sql("update delivery set next_attempt_at = :due where id = :id and status = 'PENDING'")
			.param("due", utc(claim.due()))
			.param("id", claim.id())
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
