package org.instaclone.integrations;

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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.instaclone.integrations.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** End to end: events from Kafka become pending deliveries for the right endpoints, once. */
@ServiceTest
class IntegrationsServiceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConsumerFactory<String, String> consumers;

	@Test
	void aFollowOfTheOwnerBecomesOnePendingDeliveryEvenWhenRedelivered() throws Exception {
		UUID owner = UUID.randomUUID();
		Api api = new Api(mvc, json);
		String app = api.registerApp(owner);
		String endpoint = api.createEndpoint(owner, app, List.of("instaclone.follow.created.v1")).get("id").asString();
		String otherApp = api.registerApp(owner);
		api.createEndpoint(owner, otherApp, List.of("instaclone.user.updated.v1"));

		UUID fan = UUID.randomUUID();
		String followId = UUID.randomUUID().toString();
		sendFollow(followId, "instaclone.follow.created.v1", fan, owner);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> mvc.perform(as(owner, get("/api/integrations/apps/" + app + "/deliveries")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items", hasSize(1)))
				.andExpect(jsonPath("$.items[0].status").value("pending"))
				.andExpect(jsonPath("$.items[0].eventId").value(followId))
				.andExpect(jsonPath("$.items[0].endpointId").value(endpoint)));

		sendFollow(followId, "instaclone.follow.created.v1", fan, owner); // redelivery
		sendFollow(UUID.randomUUID().toString(), "instaclone.follow.created.v1", UUID.randomUUID(),
				UUID.randomUUID()); // strangers: not the owner's business
		String unfollow = UUID.randomUUID().toString();
		sendFollow(unfollow, "instaclone.follow.deleted.v1", fan, owner); // not subscribed
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("select count(*) from processed_event where event_id = ?")
				.param(unfollow)
				.query(Long.class)
				.single() == 1);

		mvc.perform(as(owner, get("/api/integrations/apps/" + app + "/deliveries")))
			.andExpect(jsonPath("$.items", hasSize(1)));
		mvc.perform(as(owner, get("/api/integrations/apps/" + otherApp + "/deliveries")))
			.andExpect(jsonPath("$.items", hasSize(0)));
	}

	@Test
	void aUserEventReachesTheSubscribedEndpointsOfThatUsersApps() throws Exception {
		UUID owner = UUID.randomUUID();
		Api api = new Api(mvc, json);
		String app = api.registerApp(owner);
		api.createEndpoint(owner, app, List.of("instaclone.user.updated.v1", "instaclone.follow.created.v1"));
		Map<String, Object> event = Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "source",
				"/follow-service", "type", "instaclone.user.updated.v1", "subject", owner.toString(), "time",
				Instant.now().toString(), "datacontenttype", "application/json", "data",
				Map.of("userId", owner.toString(), "handle", "dev", "displayName", "Dev", "bio", "hi"));
		send("users", owner.toString(), json.writeValueAsString(event));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> mvc.perform(as(owner, get("/api/integrations/apps/" + app + "/deliveries")))
				.andExpect(jsonPath("$.items", hasSize(1)))
				.andExpect(jsonPath("$.items[0].eventType").value("instaclone.user.updated.v1")));
	}

	@Test
	void anUnreadableEventGoesToTheDeadLetterTopicAndTheEventsAroundItAreDelivered() throws Exception {
		UUID owner = UUID.randomUUID();
		Api api = new Api(mvc, json);
		String app = api.registerApp(owner);
		api.createEndpoint(owner, app, List.of("instaclone.follow.created.v1"));
		String before = UUID.randomUUID().toString();
		String after = UUID.randomUUID().toString();
		String garbage = "{\"not\": \"a cloud event " + UUID.randomUUID() + "\"}";
		sendFollow(before, "instaclone.follow.created.v1", UUID.randomUUID(), owner);
		send("follows", owner.toString(), garbage);
		sendFollow(after, "instaclone.follow.created.v1", UUID.randomUUID(), owner);

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> mvc.perform(as(owner, get("/api/integrations/apps/" + app + "/deliveries")))
				.andExpect(jsonPath("$.items", hasSize(2)))
				.andExpect(jsonPath("$.items[*].eventId", containsInAnyOrder(before, after))));
		try (Consumer<String, String> dlt = consumers.createConsumer("dlt-" + UUID.randomUUID(), null, null,
				props(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"))) {
			dlt.subscribe(List.of("follows-dlt"));
			List<String> parked = new java.util.ArrayList<>();
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				dlt.poll(Duration.ofMillis(500)).forEach(r -> parked.add(r.value()));
				return parked.contains(garbage);
			});
		}
	}

	@Test
	void exposesProbesMetricsAndTheApiDocument() throws Exception {
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/integrations/apps/{appId}/endpoints']").exists())
			.andExpect(jsonPath("$.paths['/api/integrations/apps/{appId}/deliveries/{deliveryId}/replay'].post.summary")
				.value("Send a delivered or failed delivery again, with the same webhook-id"));
	}

	private void sendFollow(String id, String type, UUID follower, UUID followee) throws Exception {
		Map<String, Object> event = Map.of("specversion", "1.0", "id", id, "source", "/follow-service", "type", type,
				"subject", followee.toString(), "time", Instant.now().toString(), "datacontenttype",
				"application/json", "data", Map.of("followerId", follower.toString(), "followerHandle", "fan",
						"followeeId", followee.toString(), "followeeHandle", "dev", "at", Instant.now().toString()));
		send("follows", follower.toString(), json.writeValueAsString(event));
	}

	private static java.util.Properties props(String key, String value) {
		java.util.Properties properties = new java.util.Properties();
		properties.setProperty(key, value);
		return properties;
	}

	private void send(String topic, String key, String payload) throws Exception {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
		record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
		kafka.send(record).get();
	}
}
