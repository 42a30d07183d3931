package org.instaclone.integrations.delivery;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.integrations.Api;
import org.instaclone.integrations.ServiceTest;
import org.instaclone.integrations.TestClock;
import org.instaclone.integrations.TestDns;
import org.instaclone.integrations.WebhookReceiver;
import org.instaclone.integrations.WebhookReceiver.Reply;
import org.instaclone.integrations.egress.WebhookSender;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;
import static org.instaclone.integrations.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The delivery engine against real HTTP receivers on 127.0.0.1, real PostgreSQL, and a clock the tests
 * move forward through the retry schedule.
 */
@ServiceTest
class DeliveryEngineTests {

	static final String FOLLOWED = "instaclone.follow.created.v1";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	Deliveries deliveries;

	@Autowired
	DeliveryScheduler scheduler;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	TestClock clock;

	@Autowired
	TestDns dns;

	@Autowired
	ConsumerFactory<String, String> consumers;

	@Autowired
	JdbcClient jdbc;

	final UUID owner = UUID.randomUUID();

	final List<WebhookReceiver> receivers = new ArrayList<>();

	@AfterEach
	void tearDown() {
		receivers.forEach(WebhookReceiver::close);
		clock.reset();
	}

	@Test
	void signsWhatTheStandardWebhooksReferenceVerifierAcceptsAndRejectsTampering() throws Exception {
		WebhookReceiver receiver = receiver();
		Endpoint endpoint = endpoint(receiver.url());
		String eventId = event(endpoint);

		WebhookReceiver.Received got = awaitReceived(receiver, 1).get(0);
		assertThat(got.body()).contains("\"id\":\"" + eventId + "\"").contains("\"specversion\":\"1.0\"");
		assertThat(got.header("content-type")).startsWith("application/cloudevents+json");
		assertThat(got.header("webhook-signature")).startsWith("v1,").doesNotContain(" ");
		assertThat(Long.parseLong(got.header("webhook-timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
				org.assertj.core.data.Offset.offset(30L));

		Webhook reference = new Webhook(endpoint.secret());
		assertThatNoException().isThrownBy(() -> reference.verify(got.body(), headers(got, Map.of())));
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> reference.verify(got.body().replace(eventId, eventId + "x"), headers(got, Map.of())));
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> reference.verify(got.body(), headers(got,
					Map.of("webhook-timestamp", Long.toString(Long.parseLong(got.header("webhook-timestamp")) + 1)))));
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> reference.verify(got.body(), headers(got, Map.of("webhook-id", UUID.randomUUID().toString()))));
		assertThatExceptionOfType(WebhookVerificationException.class).isThrownBy(
				() -> new Webhook("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))
					.verify(got.body(), headers(got, Map.of())));

		JsonNode delivery = awaitDeliveryStatus(endpoint, "delivered");
		assertThat(delivery.get("id").asString()).isEqualTo(got.header("webhook-id"));
		assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
	}

	@Test
	void retriesOnTheScheduleWithJitterKeepingTheWebhookId() throws Exception {
		WebhookReceiver receiver = receiver();
		AtomicInteger calls = new AtomicInteger();
		receiver.answer(r -> calls.incrementAndGet() <= 3 ? new Reply(500, Map.of(), "<h1>oops</h1>")
				: Reply.status(200));
		Endpoint endpoint = endpoint(receiver.url());
		event(endpoint);

		awaitReceived(receiver, 1);
		JsonNode first = awaitDelivery(endpoint, d -> d.get("attempts").asInt() == 1);
		assertDueIn(first, Duration.ofSeconds(5));

		clock.advance(Duration.ofSeconds(7));
		scheduler.wakeUp();
		awaitReceived(receiver, 2);
		assertDueIn(awaitDelivery(endpoint, d -> d.get("attempts").asInt() == 2), Duration.ofMinutes(5));

		clock.advance(Duration.ofMinutes(7));
		scheduler.wakeUp();
		awaitReceived(receiver, 3);
		assertDueIn(awaitDelivery(endpoint, d -> d.get("attempts").asInt() == 3), Duration.ofMinutes(30));

		clock.advance(Duration.ofMinutes(37));
		scheduler.wakeUp();
		List<WebhookReceiver.Received> got = awaitReceived(receiver, 4);
		JsonNode delivered = awaitDeliveryStatus(endpoint, "delivered");
		assertThat(got).extracting(r -> r.header("webhook-id")).containsOnly(delivered.get("id").asString());
		assertThat(got).extracting(r -> r.header("webhook-timestamp")).doesNotHaveDuplicates();

		JsonNode attempts = new Api(mvc, json).getJson(owner, endpoint.deliveries() + "/"
				+ delivered.get("id").asString() + "/attempts");
		assertThat(attempts.get("items")).hasSize(4);
		assertThat(attempts.at("/items/0/outcome").asString()).isEqualTo("delivered");
		assertThat(attempts.at("/items/1/statusCode").asInt()).isEqualTo(500);
		assertThat(attempts.at("/items/1/outcome").asString()).isEqualTo("failed");
		assertThat(attempts.at("/items/1/responseExcerpt").asString()).isEqualTo("<h1>oops</h1>");
	}

	@Test
	void aReceiverDownForAnHourLosesNothingAndDuplicatesKeepTheirWebhookId() throws Exception {
		WebhookReceiver receiver = receiver();
		Set<String> down = new HashSet<>();
		receiver.answer(r -> {
			synchronized (down) {
				return down.isEmpty() ? Reply.status(503) : Reply.status(200);
			}
		});
		Endpoint endpoint = endpoint(receiver.url());
		int events = 30;
		for (int i = 0; i < events; i++) {
			event(endpoint);
		}
		awaitReceived(receiver, events);
		int attempts = 1;
		for (Duration step : List.of(Duration.ofSeconds(7), Duration.ofMinutes(7), Duration.ofMinutes(37))) {
			awaitAttempts(endpoint, events, attempts++); // recorded (outcomes are written in batches)
			int before = receiver.received().size();
			clock.advance(step);
			scheduler.wakeUp();
			awaitReceived(receiver, before + events);
		}
		awaitAttempts(endpoint, events, attempts);
		synchronized (down) {
			down.add("up"); // an hour later, it is back
		}
		clock.advance(Duration.ofMinutes(20).plus(Duration.ofHours(2).plusMinutes(25)));
		scheduler.wakeUp();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				page(endpoint).findValues("status").stream().map(JsonNode::asString).toList())
			.hasSize(events)
			.containsOnly("delivered"));

		Map<String, List<String>> timestampsById = new java.util.HashMap<>();
		receiver.received().forEach(r -> timestampsById.computeIfAbsent(r.header("webhook-id"), k -> new ArrayList<>())
			.add(r.header("webhook-timestamp")));
		assertThat(timestampsById).hasSize(events);
		assertThat(timestampsById.values()).allSatisfy(ts -> assertThat(ts).hasSize(5));
	}

	@Test
	void goneDisablesTheEndpointVisiblyUntilTheOwnerEnablesItAndReplays() throws Exception {
		WebhookReceiver receiver = receiver();
		receiver.answer(r -> Reply.status(410));
		Endpoint endpoint = endpoint(receiver.url());
		event(endpoint);
		JsonNode failed = awaitDeliveryStatus(endpoint, "failed");
		JsonNode view = new Api(mvc, json).getJson(owner, endpoint.path());
		assertThat(view.get("status").asString()).isEqualTo("disabled");
		assertThat(view.get("disabledReason").asString()).contains("410 Gone");

		event(endpoint); // not sent while disabled
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(page(endpoint).findValues("status")).extracting(JsonNode::asString)
				.containsExactly("failed", "failed"));
		assertThat(receiver.received()).hasSize(1);
		String skipped = page(endpoint).at("/0/id").asString();
		assertThat(new Api(mvc, json).getJson(owner, endpoint.deliveries() + "/" + skipped + "/attempts")
			.at("/items/0/outcome").asString()).isEqualTo("refused");

		String replay = endpoint.deliveries() + "/" + failed.get("id").asString() + "/replay";
		mvc.perform(as(owner, post(replay)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/replay-not-possible"));
		receiver.answer(r -> Reply.status(200));
		mvc.perform(as(owner, post(endpoint.path() + "/enable"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("enabled"));
		mvc.perform(as(owner, post(replay))).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("pending"));
		List<WebhookReceiver.Received> got = awaitReceived(receiver, 2);
		assertThat(got.get(1).header("webhook-id")).isEqualTo(got.get(0).header("webhook-id"));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc
			.perform(as(owner, get(endpoint.deliveries() + "/" + failed.get("id").asString())))
			.andExpect(jsonPath("$.status").value("delivered")));
		mvc.perform(as(owner, post(replay.replace(failed.get("id").asString(), UUID.randomUUID().toString()))))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/delivery-not-found"));
		mvc.perform(as(UUID.randomUUID(), post(replay))).andExpect(status().isNotFound());
	}

	@Test
	void aRedirectIsAFailureAndIsNotFollowed() throws Exception {
		WebhookReceiver inside = receiver();
		WebhookReceiver redirecting = receiver();
		redirecting.answer(r -> new Reply(302, Map.of("Location", inside.url()), ""));
		Endpoint endpoint = endpoint(redirecting.url());
		event(endpoint);
		JsonNode delivery = awaitDelivery(endpoint, d -> d.get("attempts").asInt() == 1);
		assertThat(delivery.get("status").asString()).isEqualTo("pending");
		assertDueIn(delivery, Duration.ofSeconds(5));
		assertThat(inside.received()).isEmpty();
	}

	@Test
	void retryAfterIsHonouredOn429() throws Exception {
		WebhookReceiver receiver = receiver();
		receiver.answer(r -> new Reply(429, Map.of("Retry-After", "120"), ""));
		Endpoint endpoint = endpoint(receiver.url());
		event(endpoint);
		JsonNode delivery = awaitDelivery(endpoint, d -> d.get("attempts").asInt() == 1);
		Duration wait = Duration.between(Instant.parse(delivery.get("lastAttemptAt").asString()),
				Instant.parse(delivery.get("nextAttemptAt").asString()));
		assertThat(wait).isBetween(Duration.ofSeconds(119), Duration.ofSeconds(125));
	}

	@Test
	void anEndpointFailingForFiveDaysIsDisabledWithTheReason() throws Exception {
		WebhookReceiver receiver = receiver();
		receiver.answer(r -> Reply.status(500));
		Endpoint endpoint = endpoint(receiver.url());
		event(endpoint);
		awaitDelivery(endpoint, d -> d.get("attempts").asInt() == 1);
		assertThat(new Api(mvc, json).getJson(owner, endpoint.path()).get("failingSince").isNull()).isFalse();

		clock.advance(Duration.ofDays(5).plusMinutes(1));
		event(endpoint);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode view = new Api(mvc, json).getJson(owner, endpoint.path());
			assertThat(view.get("status").asString()).isEqualTo("disabled");
			assertThat(view.get("disabledReason").asString()).contains("failed since").contains("HTTP 500");
		});
	}

	@Test
	void aSlowEndpointDoesNotDelayTheOthers() throws Exception {
		WebhookReceiver slow = receiver();
		slow.answer(r -> {
			try {
				Thread.sleep(1500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return Reply.status(200);
		});
		WebhookReceiver fast = receiver();
		Endpoint slowEndpoint = endpoint(slow.url());
		Endpoint fastEndpoint = endpoint(fast.url());
		for (int i = 0; i < 8; i++) {
			event(slowEndpoint);
		}
		for (int i = 0; i < 5; i++) {
			event(fastEndpoint);
		}
		awaitReceived(fast, 5);
		assertThat(slow.received()).hasSizeLessThanOrEqualTo(4); // 2 at a time, 1.5 s each
		awaitReceived(slow, 8);
	}

	@Test
	void anAddressThatTurnsPrivateAfterRegistrationIsRefusedAtConnectTime() throws Exception {
		String host = "rebind-" + UUID.randomUUID() + ".example.com";
		dns.answer(host, "93.184.215.14", "169.254.169.254");
		Endpoint endpoint = endpoint("http://" + host + "/hook");
		event(endpoint);
		JsonNode delivery = awaitDelivery(endpoint, d -> d.get("attempts").asInt() == 1);
		JsonNode attempt = new Api(mvc, json)
			.getJson(owner, endpoint.deliveries() + "/" + delivery.get("id").asString() + "/attempts")
			.at("/items/0");
		assertThat(attempt.get("outcome").asString()).isEqualTo("refused");
		assertThat(attempt.get("error").asString()).contains("169.254.169.254");
		assertThat(attempt.get("statusCode").isNull()).isTrue();
	}

	@Test
	void rotationSignsWithBothSecretsDuringTheOverlapThenOnlyTheNewOne() throws Exception {
		WebhookReceiver receiver = receiver();
		Endpoint endpoint = endpoint(receiver.url());
		String rotated = mvc.perform(as(owner, post(endpoint.path() + "/secret/rotate")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String newSecret = json.readTree(rotated).get("secret").asString();
		assertThat(newSecret).startsWith("whsec_").isNotEqualTo(endpoint.secret());
		assertThat(new Api(mvc, json).getJson(owner, endpoint.path()).toString()).doesNotContain(newSecret.substring(6));

		event(endpoint);
		WebhookReceiver.Received during = awaitReceived(receiver, 1).get(0);
		assertThat(during.header("webhook-signature").split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
		assertThatNoException().isThrownBy(() -> new Webhook(endpoint.secret()).verify(during.body(), headers(during, Map.of())));
		assertThatNoException().isThrownBy(() -> new Webhook(newSecret).verify(during.body(), headers(during, Map.of())));

		clock.advance(Duration.ofHours(24).plusMinutes(1));
		event(endpoint);
		WebhookReceiver.Received after = awaitReceived(receiver, 2).get(1);
		assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
	}

	@Test
	void everyAttemptIsPublishedOnWebhookDeliveriesThroughTheOutbox() throws Exception {
		WebhookReceiver flaky = receiver();
		AtomicInteger calls = new AtomicInteger();
		flaky.answer(r -> calls.incrementAndGet() == 1 ? new Reply(500, Map.of(), "<h1>secret stack trace</h1>")
				: Reply.status(204));
		Endpoint endpoint = endpoint(flaky.url());
		event(endpoint);
		awaitDelivery(endpoint, d -> d.get("attempts").asInt() == 1);
		clock.advance(Duration.ofSeconds(7));
		scheduler.wakeUp();
		String deliveryId = awaitDeliveryStatus(endpoint, "delivered").get("id").asString();

		WebhookReceiver gone = receiver();
		gone.answer(r -> Reply.status(410));
		Endpoint goneEndpoint = endpoint(gone.url());
		event(goneEndpoint); // the owner's first endpoint gets this one too
		String goneId = awaitDeliveryStatus(goneEndpoint, "failed").get("id").asString();

		try (Consumer<String, String> consumer = consumers.createConsumer("test-" + UUID.randomUUID(), null, null,
				props(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"))) {
			consumer.subscribe(List.of("webhook-deliveries"));
			Map<String, List<ConsumerRecord<String, String>>> byDelivery = new java.util.HashMap<>();
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach(r -> byDelivery
					.computeIfAbsent(json.readTree(r.value()).at("/data/deliveryId").asString(), k -> new ArrayList<>())
					.add(r));
				return byDelivery.getOrDefault(deliveryId, List.of()).size() >= 2 && byDelivery.containsKey(goneId);
			});
			List<ConsumerRecord<String, String>> records = byDelivery.get(deliveryId);
			assertThat(records).extracting(ConsumerRecord::key).containsOnly(endpoint.id());
			List<JsonNode> events = records.stream().map(r -> json.readTree(r.value())).toList();
			assertThat(events).extracting(e -> e.get("type").asString())
				.containsExactly("instaclone.webhook.failed.v1", "instaclone.webhook.delivered.v1");
			assertThat(events).allSatisfy(e -> {
				assertThat(e.get("specversion").asString()).isEqualTo("1.0");
				assertThat(e.get("source").asString()).isEqualTo("/integrations-service");
				assertThat(e.toString()).doesNotContain("secret stack trace").doesNotContain("followerId");
			});

			JsonNode failed = events.get(0).get("data");
			assertThat(failed.get("deliveryId").asString()).isEqualTo(deliveryId);
			assertThat(failed.get("endpointId").asString()).isEqualTo(endpoint.id());
			assertThat(failed.get("appId").asString()).isEqualTo(endpoint.appId());
			assertThat(failed.get("ownerId").asString()).isEqualTo(owner.toString());
			assertThat(failed.get("eventType").asString()).isEqualTo(FOLLOWED);
			assertThat(failed.get("attempt").asInt()).isEqualTo(1);
			assertThat(failed.get("statusCode").asInt()).isEqualTo(500);
			assertThat(failed.get("latencyMs").isIntegralNumber()).isTrue();
			assertThat(failed.get("at").asString()).isNotBlank();
			assertThat(failed.get("outcome").asString()).isEqualTo("failed");
			assertThat(failed.get("error").asString()).isEqualTo("HTTP 500");
			assertThat(failed.get("final").asBoolean()).isFalse();

			JsonNode delivered = events.get(1).get("data");
			assertThat(delivered.get("deliveryId").asString()).isEqualTo(deliveryId);
			assertThat(delivered.get("attempt").asInt()).isEqualTo(2);
			assertThat(delivered.get("statusCode").asInt()).isEqualTo(204);
			assertThat(delivered.get("ownerId").asString()).isEqualTo(owner.toString());
			assertThat(delivered.has("outcome")).isFalse();

			assertThat(byDelivery.get(goneId)).hasSize(1);
			assertThat(byDelivery.get(goneId).get(0).key()).isEqualTo(goneEndpoint.id());
			JsonNode gave = json.readTree(byDelivery.get(goneId).get(0).value());
			assertThat(gave.get("type").asString()).isEqualTo("instaclone.webhook.failed.v1");
			assertThat(gave.at("/data/statusCode").asInt()).isEqualTo(410);
			assertThat(gave.at("/data/final").asBoolean()).isTrue();
		}
	}

	@Test
	void aBatchOfOutcomesIsRecordedInOrderAsIfOneByOne() throws Exception {
		Endpoint flaky = endpoint(receiver().url());
		Endpoint gone = endpoint(receiver().url());
		// failing for 10 days: any failure recorded before the success clears the clock would disable it
		jdbc.sql("update webhook_endpoint set failing_since = now() - interval '10 days' where id = ?::uuid")
			.param(flaky.id())
			.update();
		UUID ok = parked(flaky);
		UUID retried = parked(flaky);
		UUID okLater = parked(flaky);
		UUID goneOne = parked(gone);
		Instant at = clock.instant();
		WebhookSender.Response delivered = new WebhookSender.Response(200, Duration.ofMillis(3), "ok", null, null, false);
		deliveries.recordAttempts(List.of(new AttemptRecorder.Outcome(ok, owner, at, delivered),
				new AttemptRecorder.Outcome(retried, owner, at,
						new WebhookSender.Response(503, Duration.ofMillis(4), "busy", Duration.ofSeconds(120), null, false)),
				new AttemptRecorder.Outcome(ok, owner, at.plusSeconds(1), delivered), // the same delivery again: ignored
				new AttemptRecorder.Outcome(goneOne, owner, at,
						new WebhookSender.Response(410, Duration.ofMillis(5), null, null, null, false)),
				new AttemptRecorder.Outcome(okLater, owner, at, delivered)));

		assertThat(state(ok)).containsExactly("DELIVERED", 1, true, false);
		assertThat(state(retried)).containsExactly("PENDING", 1, false, true);
		assertThat(Duration.between(at, jdbc.sql("select next_attempt_at from delivery where id = ?")
			.param(retried)
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant())).isBetween(Duration.ofSeconds(119), Duration.ofSeconds(125)); // Retry-After
		assertThat(state(goneOne)).containsExactly("FAILED", 1, true, false);
		assertThat(state(okLater)).containsExactly("DELIVERED", 1, true, false);
		assertThat(jdbc.sql("select outcome || ' ' || coalesce(status_code, 0) from delivery_attempt where delivery_id = ?")
			.param(retried)
			.query(String.class)
			.list()).containsExactly("FAILED 503");
		assertThat(jdbc.sql("select count(*) from delivery_attempt where delivery_id = ?").param(ok).query(Long.class).single())
			.isEqualTo(1);
		JsonNode flakyView = new Api(mvc, json).getJson(owner, flaky.path());
		assertThat(flakyView.get("status").asString()).isEqualTo("enabled"); // cleared by the success before the 503
		assertThat(flakyView.get("failingSince").isNull()).isTrue(); // and by the success after it
		assertThat(new Api(mvc, json).getJson(owner, gone.path()).get("status").asString()).isEqualTo("disabled");
		assertThat(jdbc.sql("select count(*) from outbox_event where topic = 'webhook-deliveries' and payload like ?")
			.param("%" + ok + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/** A pending delivery the scheduler leaves alone (due in a day), to record outcomes for by hand. */
	UUID parked(Endpoint endpoint) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into delivery (id, endpoint_id, app_id, event_id, event_type, payload, status, created_at,
				                      next_attempt_at)
				values (?, ?::uuid, ?::uuid, ?, ?, '{}', 'PENDING', now(), now() + interval '1 day')""")
			.params(id, endpoint.id(), endpoint.appId(), UUID.randomUUID().toString(), FOLLOWED)
			.update();
		return id;
	}

	/** Status, attempts, whether it finished, whether it is due again. */
	List<Object> state(UUID delivery) {
		return jdbc.sql("select status, attempts, finished_at is not null, next_attempt_at is not null from delivery where id = ?")
			.param(delivery)
			.query((rs, n) -> List.<Object>of(rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getBoolean(4)))
			.single();
	}

	static java.util.Properties props(String key, String value) {
		java.util.Properties properties = new java.util.Properties();
		properties.setProperty(key, value);
		return properties;
	}

	// ---- helpers

	record Endpoint(String appId, String id, String secret) {

		String path() {
			return "/api/integrations/apps/" + appId + "/endpoints/" + id;
		}

		String deliveries() {
			return "/api/integrations/apps/" + appId + "/deliveries";
		}
	}

	WebhookReceiver receiver() throws Exception {
		WebhookReceiver receiver = new WebhookReceiver();
		receivers.add(receiver);
		return receiver;
	}

	/** A fresh app with one endpoint subscribed to follow events. */
	Endpoint endpoint(String url) throws Exception {
		Api api = new Api(mvc, json);
		String app = api.registerApp(owner);
		JsonNode created = api.createEndpoint(owner, app, List.of(FOLLOWED), url);
		return new Endpoint(app, created.get("id").asString(), created.get("secret").asString());
	}

	/** A follow of the owner, fanned out as the Kafka listener does; returns the event id. */
	String event(Endpoint endpoint) {
		String id = UUID.randomUUID().toString();
		String payload = """
				{"specversion":"1.0","id":"%s","source":"/follow-service","type":"%s","subject":"%s",\
				"time":"%s","datacontenttype":"application/json","data":{"followerId":"%s","followeeId":"%s"}}"""
			.formatted(id, FOLLOWED, owner, Instant.now(), UUID.randomUUID(), owner);
		tx.executeWithoutResult(s -> deliveries.fanOut(id, FOLLOWED, Set.of(owner), payload));
		return id;
	}

	JsonNode page(Endpoint endpoint) throws Exception {
		return new Api(mvc, json).getJson(owner, endpoint.deliveries() + "?limit=100").get("items");
	}

	JsonNode awaitDelivery(Endpoint endpoint, java.util.function.Predicate<JsonNode> condition) {
		JsonNode[] found = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			for (JsonNode d : page(endpoint)) {
				if (d.get("endpointId").asString().equals(endpoint.id()) && condition.test(d)) {
					found[0] = d;
					return true;
				}
			}
			return false;
		});
		return found[0];
	}

	/** Every one of the endpoint's {@code count} deliveries has {@code attempts} attempts recorded. */
	void awaitAttempts(Endpoint endpoint, int count, int attempts) {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
				page(endpoint).findValues("attempts").stream().map(JsonNode::asInt).toList())
			.hasSize(count)
			.containsOnly(attempts));
	}

	JsonNode awaitDeliveryStatus(Endpoint endpoint, String status) {
		return awaitDelivery(endpoint, d -> d.get("status").asString().equals(status));
	}

	static List<WebhookReceiver.Received> awaitReceived(WebhookReceiver receiver, int count) {
		await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() >= count);
		return receiver.received();
	}

	/** The next attempt is due {@code delay} (up to 20 % more, the jitter) after the last one. */
	static void assertDueIn(JsonNode delivery, Duration delay) {
		Duration wait = Duration.between(Instant.parse(delivery.get("lastAttemptAt").asString()),
				Instant.parse(delivery.get("nextAttemptAt").asString()));
		assertThat(wait).isBetween(delay.minusMillis(5), delay.plus(delay.dividedBy(5)).plusSeconds(2));
	}

	static HttpHeaders headers(WebhookReceiver.Received got, Map<String, String> overrides) {
		Map<String, List<String>> map = new java.util.HashMap<>();
		for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
			map.put(name, List.of(overrides.getOrDefault(name, got.header(name))));
		}
		return HttpHeaders.of(map, (a, b) -> true);
	}
}
