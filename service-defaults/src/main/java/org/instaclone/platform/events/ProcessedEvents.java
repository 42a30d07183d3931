package org.instaclone.platform.events;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a Kafka consumer idempotent: records (consumer, event id) in the listener's own transaction.
 * A redelivered or replayed event finds its row and is skipped; a failed handler rolls the row back
 * with everything else, so the retry really runs again.
 */
public class ProcessedEvents {

	private final JdbcClient jdbc;

	ProcessedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return {@code true} the first time this consumer sees the event, {@code false} for a duplicate
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean firstDelivery(String consumer, String eventId) {
		return jdbc.sql("""
				insert into processed_event (consumer, event_id) values (?, ?)
				on conflict do nothing""").params(consumer, eventId).update() == 1;
	}

	/**
	 * {@link #firstDelivery} for a batch of events (a batch listener's poll), in one statement.
	 * @return the ids this consumer sees for the first time; an id listed twice is in it once
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
		if (eventIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				insert into processed_event (consumer, event_id) select ?, unnest(cast(? as text[]))
				on conflict do nothing returning event_id""")
			.params(consumer, eventIds.toArray(String[]::new))
			.query(String.class)
			.list());
	}
}
