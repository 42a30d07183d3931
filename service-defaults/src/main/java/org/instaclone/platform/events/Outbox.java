package org.instaclone.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox: records an event in the same database transaction as the state change
 * that caused it. {@link OutboxRelay} sends it to Kafka after commit; a rollback drops both.
 */
public class Outbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final String source;

	Outbox(JdbcClient jdbc, JsonMapper json, String source) {
		this.jdbc = jdbc;
		this.json = json;
		this.source = source;
	}

	/**
	 * Appends an event. Must run inside the caller's transaction.
	 * @param topic the Kafka topic (one per producing aggregate, e.g. {@code follows})
	 * @param key the partition key; events with the same key keep their order
	 * @param type the versioned event type, e.g. {@code instaclone.follow.created.v1}
	 * @param subject what the event is about, e.g. the followee's id
	 * @param data the payload, serialised as JSON
	 * @return the event's id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID append(String topic, String key, String type, String subject, Object data) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into outbox_event (id, topic, msg_key, payload) values (?, ?, ?, ?)")
			.params(id, topic, key, envelope(id, type, subject, data))
			.update();
		return id;
	}

	/** An event to {@link #appendAll append with others}; the parameters of {@link #append}. */
	public record Event(String topic, String key, String type, String subject, Object data) {
	}

	/**
	 * {@link #append} for many events in one statement (one round trip instead of one per event), in
	 * the given order: events with the same key are relayed in it. Must run inside the caller's
	 * transaction.
	 * @return the events' ids, in the same order
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<UUID> appendAll(List<Event> events) {
		if (events.isEmpty()) {
			return List.of();
		}
		int n = events.size();
		UUID[] ids = new UUID[n];
		String[] idTexts = new String[n];
		String[] topics = new String[n];
		String[] keys = new String[n];
		String[] payloads = new String[n];
		for (int i = 0; i < n; i++) {
			Event event = events.get(i);
			ids[i] = UUID.randomUUID();
			idTexts[i] = ids[i].toString();
			topics[i] = event.topic();
			keys[i] = event.key();
			payloads[i] = envelope(ids[i], event.type(), event.subject(), event.data());
		}
		// "with ordinality ... order by" keeps the positions (the relay's order) in the list's order
		jdbc.sql("""
				insert into outbox_event (id, topic, msg_key, payload)
				select id, topic, msg_key, payload
				from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))
				    with ordinality as e (id, topic, msg_key, payload, n)
				order by n""")
			.params(idTexts, topics, keys, payloads)
			.update();
		return List.of(ids);
	}

	private String envelope(UUID id, String type, String subject, Object data) {
		return json.writeValueAsString(new CloudEvent<>(CloudEvent.SPEC_VERSION, id.toString(), source, type, subject,
				Instant.now(), "application/json", data));
	}
}
