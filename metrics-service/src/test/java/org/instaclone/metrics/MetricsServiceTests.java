package org.instaclone.metrics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	ConsumerFactory<?, ?> consumers;

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

	/**
	 * One poll (the listener is stopped while the records are sent) with a duplicate id and a malformed
	 * record in the middle: the records around the bad one count, the duplicate once, and the bad one
	 * is parked on the dead-letter topic.
	 */
	@Test
	void aPollWithADuplicateAndAMalformedRecordCountsTheRestOnceAndParksTheBadOne() throws Exception {
		UUID followee = UUID.randomUUID();
		String garbage = "{not json " + UUID.randomUUID();
		MessageListenerContainer follows = listeners.getListenerContainer("metrics.follows");
		follows.stop();
		try {
			UUID a = UUID.randomUUID();
			String id = UUID.randomUUID().toString();
			send("follows", a, id, "instaclone.follow.created.v1", follow(a, followee));
			send("follows", a, id, "instaclone.follow.created.v1", follow(a, followee));
			kafka.send("follows", a.toString(), garbage).get();
			UUID b = UUID.randomUUID();
			send("follows", a, UUID.randomUUID().toString(), "instaclone.follow.created.v1", follow(b, followee));
		}
		finally {
			follows.start();
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> mvc.perform(get("/api/metrics/me/followers").param("days", "1")
				.header("Authorization", bearer(followee))).andExpect(jsonPath("$.days[0].gained").value(2)));
		try (Consumer<?, ?> dlt = consumers.createConsumer("dlt-" + UUID.randomUUID(), null, null,
				props(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"))) {
			dlt.subscribe(List.of("follows-dlt"));
			List<Object> parked = new java.util.ArrayList<>();
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				dlt.poll(Duration.ofMillis(500)).forEach(r -> parked.add(r.value()));
				return parked.contains(garbage);
			});
		}
		mvc.perform(get("/api/metrics/me/followers").param("days", "1").header("Authorization", bearer(followee)))
			.andExpect(jsonPath("$.days[0].gained").value(2));
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
	void aPostsAuthorSeesItsViewsAndAReplayedBeaconBatchMovesNothing() throws Exception {
		UUID author = UUID.randomUUID();
		UUID post = UUID.randomUUID();
		String created = UUID.randomUUID().toString();
		send("posts", author, created, "instaclone.post.created.v1",
				Map.of("postId", post.toString(), "authorId", author.toString(), "authorHandle", "au", "caption", "",
						"createdAt", Instant.now().toString()));
		await().atMost(Duration.ofSeconds(60)).until(() -> processed("metrics.posts", created));

		String batch = json.writeValueAsString(Map.of("views",
				List.of(Map.of("eventId", UUID.randomUUID().toString(), "postId", post.toString(), "viewedAt",
						Instant.now().toString()),
						Map.of("eventId", UUID.randomUUID().toString(), "postId", post.toString(), "viewedAt",
								Instant.now().toString()))));
		UUID reader = UUID.randomUUID();
		for (int i = 0; i < 3; i++) { // sent, then replayed twice
			mvc.perform(post("/api/metrics/views").contentType(MediaType.APPLICATION_JSON)
				.content(batch)
				.header("Authorization", bearer(reader))).andExpect(status().isAccepted());
		}
		mvc.perform(get("/api/metrics/posts/{id}/views", post).header("Authorization", bearer(author)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2));
		mvc.perform(get("/api/metrics/me/top-posts").header("Authorization", bearer(author)))
			.andExpect(jsonPath("$.posts[0].postId").value(post.toString()))
			.andExpect(jsonPath("$.posts[0].views").value(2));
		mvc.perform(get("/api/metrics/posts/{id}/views", post).header("Authorization", bearer(reader)))
			.andExpect(status().isNotFound());

		String deleted = UUID.randomUUID().toString();
		send("posts", author, deleted, "instaclone.post.deleted.v1",
				Map.of("postId", post.toString(), "authorId", author.toString(), "deletedAt", Instant.now().toString()));
		await().atMost(Duration.ofSeconds(30)).until(() -> processed("metrics.posts", deleted));
		mvc.perform(get("/api/metrics/posts/{id}/views", post).header("Authorization", bearer(author)))
			.andExpect(status().isNotFound());
	}

	@Test
	void adEventsBecomeTheAdvertisersCampaignNumbersAndAReplayedTopicCountsOnce() throws Exception {
		UUID advertiser = UUID.randomUUID();
		UUID campaign = UUID.randomUUID();
		List<Object[]> events = List.of(
				new Object[] { UUID.randomUUID().toString(), "instaclone.ad.campaign-created.v1",
						Map.of("campaignId", campaign.toString(), "advertiserId", advertiser.toString(), "name", "c",
								"status", "draft", "at", Instant.now().toString()) },
				new Object[] { UUID.randomUUID().toString(), "instaclone.ad.impression-recorded.v1",
						Map.of("impressionId", UUID.randomUUID().toString(), "campaignId", campaign.toString(),
								"costMillicents", 250, "at", Instant.now().toString()) },
				new Object[] { UUID.randomUUID().toString(), "instaclone.ad.impression-recorded.v1",
						Map.of("impressionId", UUID.randomUUID().toString(), "campaignId", campaign.toString(),
								"costMillicents", 0, "at", Instant.now().toString()) },
				new Object[] { UUID.randomUUID().toString(), "instaclone.ad.clicked.v1",
						Map.of("impressionId", UUID.randomUUID().toString(), "campaignId", campaign.toString(), "at",
								Instant.now().toString()) });
		for (int round = 0; round < 2; round++) { // the topic, then the same events replayed
			sendAndAwait("ads", "metrics.ads", campaign, events);
			mvc.perform(get("/api/metrics/campaigns/{id}", campaign).param("granularity", "hour")
				.header("Authorization", bearer(advertiser)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.totals.impressions").value(2))
				.andExpect(jsonPath("$.totals.clicks").value(1))
				.andExpect(jsonPath("$.totals.ctr").value(0.5))
				.andExpect(jsonPath("$.totals.spendMillicents").value(250));
		}
		mvc.perform(get("/api/metrics/campaigns/{id}", campaign).header("Authorization", bearer(UUID.randomUUID())))
			.andExpect(status().isNotFound());
	}

	@Test
	void webhookDeliveryEventsBecomeTheAppOwnersAndTheOperatorsNumbersAndAReplayCountsOnce() throws Exception {
		UUID owner = UUID.randomUUID();
		UUID app = UUID.randomUUID();
		UUID endpoint = UUID.randomUUID();
		long platformDeliveriesBefore = platformTotal("webhook-deliveries");
		long platformFailuresBefore = platformTotal("webhook-failures");
		UUID delivery = UUID.randomUUID();
		List<Object[]> events = List.of(
				new Object[] { UUID.randomUUID().toString(), "instaclone.webhook.failed.v1",
						webhook(delivery, endpoint, app, owner, 1, 503, Map.of("outcome", "http-error", "error",
								"503 Service Unavailable", "final", false)) },
				new Object[] { UUID.randomUUID().toString(), "instaclone.webhook.failed.v1",
						webhook(delivery, endpoint, app, owner, 2, 0, Map.of("outcome", "timeout", "error",
								"read timed out", "final", false)) },
				new Object[] { UUID.randomUUID().toString(), "instaclone.webhook.delivered.v1",
						webhook(delivery, endpoint, app, owner, 3, 200, Map.of()) },
				new Object[] { UUID.randomUUID().toString(), "instaclone.webhook.delivered.v1",
						webhook(UUID.randomUUID(), endpoint, app, owner, 1, 204, Map.of()) });
		for (int round = 0; round < 2; round++) { // the topic, then the same events replayed
			sendAndAwait("webhook-deliveries", "metrics.integrations", endpoint, events);
			mvc.perform(get("/api/metrics/apps/{id}/webhooks", app).param("granularity", "minute")
				.header("Authorization", bearer(owner)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.granularity").value("minute"))
				.andExpect(jsonPath("$.totals.deliveries").value(2))
				.andExpect(jsonPath("$.totals.failures").value(2));
			assertThat(platformTotal("webhook-deliveries")).isEqualTo(platformDeliveriesBefore + 2);
			assertThat(platformTotal("webhook-failures")).isEqualTo(platformFailuresBefore + 2);
		}
		mvc.perform(get("/api/metrics/apps/{id}/webhooks", app).header("Authorization", bearer(UUID.randomUUID())))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/app-not-found"));
		mvc.perform(get("/api/metrics/apps/{id}/webhooks", UUID.randomUUID()).header("Authorization", bearer(owner)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/metrics/platform/series").param("metric", "webhook-failures")
			.header("Authorization", bearer(owner))).andExpect(status().isForbidden());
	}

	/**
	 * Requests, DB pool, consumer lag (the Kafka client's metrics, bound by Spring Kafka's
	 * MicrometerConsumerListener; client id = listener id), listener timings and the view queue. No
	 * outbox backlog: this service publishes nothing (its relay is off).
	 */
	@Test
	void exposesProbesMetricsAndTheApiDocument() throws Exception {
		UUID user = UUID.randomUUID();
		String id = UUID.randomUUID().toString();
		send("users", user, id, "instaclone.user.updated.v1", Map.of("userId", user.toString()));
		await().atMost(Duration.ofSeconds(60)).until(() -> processed("metrics.users", id));
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		mvc.perform(get("/api/metrics/me/followers").header("Authorization", bearer(user)));
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")))
			.andExpect(content().string(containsString("hikaricp_connections_active")))
			.andExpect(content().string(containsString("http_server_requests_seconds_count")))
			.andExpect(content().string(containsString("uri=\"/api/metrics/me/followers\"")))
			.andExpect(content().string(matchesPattern(
					"(?s).*\nkafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"metrics\\.users-0\"[^}]*\\} .*")))
			.andExpect(content().string(matchesPattern(
					"(?s).*\nspring_kafka_listener_seconds_count\\{[^}]*name=\"metrics\\.users-0\"[^}]*\\} .*")))
			.andExpect(content().string(not(containsString("outbox_backlog"))))
			.andExpect(content().string(containsString("views_ingest_queued")))
			.andExpect(content().string(containsString("outcome=\"written\"")));
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/metrics/me/followers']").exists())
			.andExpect(jsonPath("$.paths['/api/metrics/views'].post").exists())
			.andExpect(jsonPath("$.paths['/api/metrics/platform/series']").exists());
	}

	private long signupsToday() throws Exception {
		String body = mvc.perform(get("/api/metrics/platform/daily").param("metric", "signups")
			.param("days", "1")
			.header("Authorization", operator()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(body).get("total").asLong();
	}

	private long platformTotal(String metric) throws Exception {
		String body = mvc.perform(get("/api/metrics/platform/series").param("metric", metric)
			.param("granularity", "hour")
			.header("Authorization", operator()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(body).get("total").asLong();
	}

	private static String operator() {
		return "Bearer " + TestTokens.token(UUID.randomUUID(), "ops", h -> {
		}, c -> c.claim("roles", List.of("operator")));
	}

	/** integrations-service's delivery event data (delivered; failed adds outcome, error, final). */
	private static Map<String, Object> webhook(UUID delivery, UUID endpoint, UUID app, UUID owner, int attempt,
			int statusCode, Map<String, Object> failure) {
		Map<String, Object> data = new java.util.HashMap<>(Map.of("deliveryId", delivery.toString(), "endpointId",
				endpoint.toString(), "appId", app.toString(), "ownerId", owner.toString(), "eventType",
				"instaclone.post.created.v1", "attempt", attempt, "statusCode", statusCode, "latencyMs", 42, "at",
				Instant.now().toString()));
		data.putAll(failure);
		return data;
	}

	private static java.util.Properties props(String key, String value) {
		java.util.Properties props = new java.util.Properties();
		props.put(key, value);
		return props;
	}

	private static Map<String, Object> follow(UUID follower, UUID followee) {
		return Map.of("followerId", follower.toString(), "followerHandle", "a", "followeeId", followee.toString(),
				"followeeHandle", "b", "at", Instant.now().toString());
	}

	/**
	 * Sends the events ({id, type, data}) and then a marker of a type no listener counts, and waits
	 * until the consumer has processed the marker, i.e. everything before it on the partition.
	 */
	private void sendAndAwait(String topic, String consumer, UUID key, List<Object[]> events) throws Exception {
		for (Object[] e : events) {
			@SuppressWarnings("unchecked")
			Map<String, Object> data = (Map<String, Object>) e[2];
			send(topic, key, (String) e[0], (String) e[1], data);
		}
		String marker = UUID.randomUUID().toString();
		send(topic, key, marker, "instaclone.test.marker.v1", Map.of());
		await().atMost(Duration.ofSeconds(60)).until(() -> processed(consumer, marker));
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
