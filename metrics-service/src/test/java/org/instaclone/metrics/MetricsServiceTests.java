package org.instaclone.metrics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** End to end: events from Kafka become the numbers the API shows, each event counted once. */
@ServiceTest
class MetricsServiceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void followEventsBecomeTheFolloweesNetChangeAndARedeliveryCountsOnce() throws Exception {
		UUID followee = UUID.randomUUID();
		UUID first = UUID.randomUUID();
		String firstFollow = UUID.randomUUID().toString();
		send("follows", first, firstFollow, "instaclone.follow.created.v1", follow(first, followee));
		send("follows", first, firstFollow, "instaclone.follow.created.v1", follow(first, followee)); // redelivery
		UUID second = UUID.randomUUID();
		send("follows", second, UUID.randomUUID().toString(), "instaclone.follow.created.v1", follow(second, followee));
		send("follows", first, UUID.randomUUID().toString(), "instaclone.follow.deleted.v1", follow(first, followee));
		String last = UUID.randomUUID().toString();
		send("follows", first, last, "instaclone.test.marker.v1", follow(first, followee));

		await().atMost(Duration.ofSeconds(60)).until(() -> processed("metrics.follows", last));
		mvc.perform(get("/api/metrics/me/followers").param("days", "1").header("Authorization", bearer(followee)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.days[0].gained").value(2))
			.andExpect(jsonPath("$.days[0].lost").value(1))
			.andExpect(jsonPath("$.net").value(1));
	}

	@Test
	void aSignUpDeliveredTwiceCountsOnce() throws Exception {
		long before = signupsToday();
		UUID user = UUID.randomUUID();
		String id = UUID.randomUUID().toString();
		Map<String, Object> data = Map.of("userId", user.toString(), "handle", "hana", "displayName", "Hana",
				"createdAt", Instant.now().toString());
		send("users", user, id, "instaclone.user.created.v1", data);
		await().atMost(Duration.ofSeconds(60)).until(() -> processed("metrics.users", id));
		assertThat(signupsToday()).isEqualTo(before + 1);

		send("users", user, id, "instaclone.user.created.v1", data);
		String marker = UUID.randomUUID().toString();
		send("users", user, marker, "instaclone.user.updated.v1", Map.of("userId", user.toString()));
		await().atMost(Duration.ofSeconds(30)).until(() -> processed("metrics.users", marker));
		assertThat(signupsToday()).isEqualTo(before + 1);
	}

	@Test
	void exposesProbesMetricsAndTheApiDocument() throws Exception {
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")));
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/metrics/me/followers']").exists());
	}

	private long signupsToday() throws Exception {
		String body = mvc.perform(get("/api/metrics/platform/daily").param("metric", "signups")
			.param("days", "1")
			.header("Authorization", "Bearer " + TestTokens.token(UUID.randomUUID(), "ops", h -> {
			}, c -> c.claim("roles", List.of("operator")))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(body).get("total").asLong();
	}

	private static Map<String, Object> follow(UUID follower, UUID followee) {
		return Map.of("followerId", follower.toString(), "followerHandle", "a", "followeeId", followee.toString(),
				"followeeHandle", "b", "at", Instant.now().toString());
	}

	private void send(String topic, UUID key, String id, String type, Map<String, Object> data) throws Exception {
		Map<String, Object> event = Map.of("specversion", "1.0", "id", id, "source", "/follow-service", "type", type,
				"subject", key.toString(), "time", Instant.now().toString(), "datacontenttype", "application/json",
				"data", data);
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key.toString(),
				json.writeValueAsString(event));
		record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
		kafka.send(record).get();
	}

	private boolean processed(String consumer, String eventId) {
		return jdbc.sql("select count(*) from processed_event where consumer = ? and event_id = ?")
			.params(consumer, eventId)
			.query(Long.class)
			.single() == 1;
	}

	private static String bearer(UUID user) {
		return "Bearer " + TestTokens.accessToken(user, "u" + user.toString().substring(0, 8));
	}
}
