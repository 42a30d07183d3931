package org.instaclone.platform.events;

import java.time.Instant;
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
		CloudEvent<Object> event = new CloudEvent<>(CloudEvent.SPEC_VERSION, id.toString(), source, type, subject,
				Instant.now(), "application/json", data);
		jdbc.sql("insert into outbox_event (id, topic, msg_key, payload) values (?, ?, ?, ?)")
			.params(id, topic, key, json.writeValueAsString(event))
			.update();
		return id;
	}
}
