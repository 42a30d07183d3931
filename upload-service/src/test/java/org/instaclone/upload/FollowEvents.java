package org.instaclone.upload;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import static org.awaitility.Awaitility.await;

/**
 * Plays follow-service in tests: sends its CloudEvents to the real {@code follows} topic and waits
 * until upload-service has applied them. follow-service itself never runs in these tests.
 */
@Component
public class FollowEvents {

	public static final String CREATED = "instaclone.follow.created.v1";

	public static final String DELETED = "instaclone.follow.deleted.v1";

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	FollowEvents(KafkaTemplate<String, String> kafka, JsonMapper json, JdbcClient jdbc) {
		this.kafka = kafka;
		this.json = json;
		this.jdbc = jdbc;
	}

	/** Follows and waits until applied. @return the event id */
	public String follow(UUID follower, UUID followee) {
		return sendAndWait(UUID.randomUUID().toString(), CREATED, follower, followee);
	}

	public String unfollow(UUID follower, UUID followee) {
		return sendAndWait(UUID.randomUUID().toString(), DELETED, follower, followee);
	}

	/** Sends an event (possibly again, with the same id) and waits until the consumer has seen it. */
	public String sendAndWait(String id, String type, UUID follower, UUID followee) {
		send(id, type, follower, followee);
		// a marker of an ignored type behind it on the same partition: once it is processed, so is the event
		String marker = UUID.randomUUID().toString();
		send(marker, "instaclone.test.marker.v1", follower, UUID.randomUUID());
		await().atMost(Duration.ofSeconds(60)).until(() -> processed(marker) == 1);
		return id;
	}

	private void send(String id, String type, UUID follower, UUID followee) {
		Map<String, Object> event = Map.of("specversion", "1.0", "id", id, "source", "/follow-service", "type", type,
				"subject", followee.toString(), "time", Instant.now().toString(), "datacontenttype",
				"application/json", "data", Map.of("followerId", follower.toString(), "followerHandle", "f",
						"followeeId", followee.toString(), "followeeHandle", "e", "at", Instant.now().toString()));
		ProducerRecord<String, String> record = new ProducerRecord<>("follows", follower.toString(),
				json.writeValueAsString(event));
		record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
		try {
			kafka.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send a follow event", ex);
		}
	}

	private long processed(String eventId) {
		return jdbc.sql("select count(*) from processed_event where event_id = ?").param(eventId).query(Long.class)
			.single();
	}
}
