package org.instaclone.follow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** follow-service end to end: real HTTP, PostgreSQL and Kafka. */
class FollowServiceIntegrationTests extends IntegrationTestBase {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void signUpReturnsTokensStoresAnArgon2idHashAndPublishesUserCreated() {
		Api.SignedUp alice = api.signUp("alice");

		String hash = jdbc.sql("select password_hash from account where id = ?").param(alice.id()).query(String.class).single();
		assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(hash).doesNotContain("correct horse");

		Api.Response me = api.get("/api/accounts/me", alice.accessToken());
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.body().get("handle").asString()).isEqualTo(alice.handle());
		assertThat(me.body().get("email").asString()).isEqualTo(alice.handle() + "@example.com");

		JsonNode event = awaitEvent("users", "instaclone.user.created.v1", alice.id().toString());
		assertThat(event.get("data").get("handle").asString()).isEqualTo(alice.handle());
		assertThat(event.get("specversion").asString()).isEqualTo("1.0");
		assertThat(event.get("source").asString()).isEqualTo("/follow-service");
	}

	@Test
	void duplicateHandleOrEmailIsAConflictAndCreatesNothing() {
		Api.SignedUp bob = api.signUp("bob");
		long before = countAccounts();

		Api.Response sameHandle = api.post("/api/accounts", null, Map.of("handle", bob.handle().toUpperCase(),
				"email", "other-" + bob.handle() + "@example.com", "password", "correct horse battery"));
		Api.Response sameEmail = api.post("/api/accounts", null, Map.of("handle", "x" + bob.handle(), "email",
				bob.handle() + "@EXAMPLE.com", "password", "correct horse battery"));

		assertThat(sameHandle.status()).isEqualTo(409);
		assertThat(sameHandle.contentType()).isEqualTo("application/problem+json");
		assertThat(sameHandle.body().get("type").asString()).isEqualTo("https://instaclone.dev/problems/handle-taken");
		assertThat(sameEmail.status()).isEqualTo(409);
		assertThat(sameEmail.body().get("type").asString()).isEqualTo("https://instaclone.dev/problems/email-taken");
		assertThat(countAccounts()).isEqualTo(before);
	}

	@Test
	void invalidSignUpIsABadRequestNamingEachField() {
		long before = countAccounts();
		Api.Response r = api.post("/api/accounts", null,
				Map.of("handle", "a b", "email", "not-an-email", "password", "short"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).isEqualTo("application/problem+json");
		assertThat(r.body().get("errors").findValuesAsString("field")).containsExactly("email", "handle", "password");
		assertThat(countAccounts()).isEqualTo(before);

		Api.Response reserved = api.post("/api/accounts", null,
				Map.of("handle", "admin", "email", UUID.randomUUID() + "@example.com", "password", "correct horse battery"));
		assertThat(reserved.status()).isEqualTo(409);

		Api.Response privileged = api.post("/api/accounts", null, Map.of("handle", "eve" + suffix(), "email",
				suffix() + "@example.com", "password", "correct horse battery", "roles", "operator"));
		assertThat(privileged.status()).isEqualTo(400);
		assertThat(privileged.body().get("detail").asString()).contains("'roles'");
		assertThat(countAccounts()).isEqualTo(before);
	}

	@Test
	void unknownUserAndWrongPasswordLookTheSame() {
		Api.SignedUp carol = api.signUp("carol");
		Api.Response wrongPassword = api.post("/api/accounts/sign-in", null,
				Map.of("login", carol.handle(), "password", "not the right password"));
		Api.Response unknownUser = api.post("/api/accounts/sign-in", null,
				Map.of("login", "nobody" + suffix(), "password", "not the right password"));

		assertThat(wrongPassword.status()).isEqualTo(401).isEqualTo(unknownUser.status());
		assertThat(withoutInstance(wrongPassword.body())).isEqualTo(withoutInstance(unknownUser.body()));

		Api.Response byEmail = api.post("/api/accounts/sign-in", null,
				Map.of("login", carol.handle() + "@example.com", "password", "correct horse battery"));
		assertThat(byEmail.status()).isEqualTo(200);
		assertThat(byEmail.body().get("accessToken").asString()).isNotBlank();
	}

	@Test
	void fiveFailedSignInsThrottleTheLoginEvenWithTheRightPassword() {
		Api.SignedUp dave = api.signUp("dave");
		for (int i = 0; i < 5; i++) {
			assertThat(api.post("/api/accounts/sign-in", null, Map.of("login", dave.handle(), "password", "wrong password " + i))
				.status()).isEqualTo(401);
		}
		Api.Response throttled = api.post("/api/accounts/sign-in", null,
				Map.of("login", dave.handle(), "password", "correct horse battery"));
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(Long.parseLong(throttled.headers().getFirst("Retry-After"))).isBetween(1L, 15 * 60L + 1);
		assertThat(throttled.body().get("type").asString()).endsWith("/sign-in-throttled");

		// an unknown login is throttled the same way, so the throttle reveals nothing
		String ghost = "ghost" + suffix();
		for (int i = 0; i < 5; i++) {
			api.post("/api/accounts/sign-in", null, Map.of("login", ghost, "password", "wrong password"));
		}
		assertThat(api.post("/api/accounts/sign-in", null, Map.of("login", ghost, "password", "wrong password"))
			.status()).isEqualTo(429);
	}

	@Test
	void refreshRotatesAndReuseOfARetiredTokenRevokesTheWholeFamily() {
		Api.SignedUp erin = api.signUp("erin");

		Api.Response first = api.post("/api/accounts/refresh", null, Map.of("refreshToken", erin.refreshToken()));
		assertThat(first.status()).isEqualTo(200);
		String second = first.body().get("refreshToken").asString();
		assertThat(second).isNotEqualTo(erin.refreshToken());
		assertThat(api.get("/api/accounts/me", first.body().get("accessToken").asString()).status()).isEqualTo(200);

		// the retired token is presented again: theft. Both it and its successor stop working.
		Api.Response replay = api.post("/api/accounts/refresh", null, Map.of("refreshToken", erin.refreshToken()));
		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.body().get("type").asString()).endsWith("/invalid-refresh-token");
		assertThat(api.post("/api/accounts/refresh", null, Map.of("refreshToken", second)).status()).isEqualTo(401);
	}

	@Test
	void signOutRevokesTheRefreshToken() {
		Api.SignedUp frank = api.signUp("frank");
		Api.Response out = api.post("/api/accounts/sign-out", null, Map.of("refreshToken", frank.refreshToken()));
		assertThat(out.status()).isEqualTo(204);
		assertThat(out.headers().getFirst("Set-Cookie")).contains("instaclone_refresh=;").contains("Max-Age=0");
		assertThat(api.post("/api/accounts/refresh", null, Map.of("refreshToken", frank.refreshToken())).status())
			.isEqualTo(401);
	}

	@Test
	void browsersGetTheRefreshTokenOnlyAsAnHttpOnlyCookie() {
		String handle = "gina" + suffix();
		var http = org.springframework.web.client.RestClient.create("http://localhost:" + port);
		var response = http.post()
			.uri("/api/accounts")
			.header("Sec-Fetch-Mode", "cors")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(Map.of("handle", handle, "email", handle + "@example.com", "password", "correct horse battery"))
			.retrieve()
			.toEntity(String.class);
		JsonNode body = JsonMapper.builder().build().readTree(response.getBody());
		assertThat(body.has("refreshToken")).isFalse();
		String cookie = response.getHeaders().getFirst("Set-Cookie");
		assertThat(cookie).startsWith("instaclone_refresh=")
			.contains("HttpOnly")
			.contains("SameSite=Strict")
			.contains("Path=/api/accounts");
		String token = cookie.substring("instaclone_refresh=".length(), cookie.indexOf(';'));

		var refreshed = http.post()
			.uri("/api/accounts/refresh")
			.header("Cookie", "instaclone_refresh=" + token)
			.header("Sec-Fetch-Mode", "cors")
			.retrieve()
			.toEntity(String.class);
		assertThat(refreshed.getStatusCode().value()).isEqualTo(200);
		assertThat(refreshed.getHeaders().getFirst("Set-Cookie")).startsWith("instaclone_refresh=")
			.doesNotContain("instaclone_refresh=" + token + ";");
	}

	@Test
	void followsAtTheSameMomentNeverFailNorMiscount() throws Exception {
		// each pair follows each other at the same instant, and the first of the pair double-clicks:
		// opposite lock orders (a deadlock, a 500) and a racing duplicate (a key violation) before
		List<Api.SignedUp> users = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			users.add(api.signUp("race"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			List<Future<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < users.size(); i += 2) {
				Api.SignedUp a = users.get(i);
				Api.SignedUp b = users.get(i + 1);
				CyclicBarrier together = new CyclicBarrier(3);
				for (Api.SignedUp[] edge : new Api.SignedUp[][] { { a, b }, { b, a }, { a, b } }) {
					calls.add(pool.submit(() -> {
						together.await(10, TimeUnit.SECONDS);
						return api.call(HttpMethod.PUT, "/api/follows/" + edge[1].handle(), edge[0].accessToken(), null).status();
					}));
				}
			}
			for (Future<Integer> call : calls) {
				assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(204);
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (Api.SignedUp user : users) {
			JsonNode profile = api.get("/api/users/" + user.handle(), user.accessToken()).body();
			assertThat(profile.get("followers").asLong()).as(user.handle()).isEqualTo(1);
			assertThat(profile.get("following").asLong()).as(user.handle()).isEqualTo(1);
		}
	}

	@Test
	void followIsIdempotentCountsAreKeptAndTheEventReachesKafka() {
		Api.SignedUp a = api.signUp("ann");
		Api.SignedUp b = api.signUp("ben");

		assertThat(api.call(HttpMethod.PUT, "/api/follows/" + b.handle(), a.accessToken(), null).status()).isEqualTo(204);
		assertThat(api.call(HttpMethod.PUT, "/api/follows/" + b.handle(), a.accessToken(), null).status()).isEqualTo(204);

		JsonNode profile = api.get("/api/users/" + b.handle(), a.accessToken()).body();
		assertThat(profile.get("followers").asLong()).isEqualTo(1);
		assertThat(api.get("/api/users/" + a.handle(), a.accessToken()).body().get("following").asLong()).isEqualTo(1);
		assertThat(api.get("/api/follows?follower=" + a.handle() + "&followee=" + b.handle(), b.accessToken())
			.body()
			.get("follows")
			.asBoolean()).isTrue();
		assertThat(api.get("/api/follows?follower=" + b.handle() + "&followee=" + a.handle(), b.accessToken())
			.body()
			.get("follows")
			.asBoolean()).isFalse();

		JsonNode followers = api.get("/api/users/" + b.handle() + "/followers", b.accessToken()).body();
		assertThat(followers.get("items").findValuesAsString("handle")).containsExactly(a.handle());
		assertThat(followers.get("nextCursor").isNull()).isTrue();

		JsonNode event = awaitEvent("follows", "instaclone.follow.created.v1", b.id().toString());
		assertThat(event.get("data").get("followerId").asString()).isEqualTo(a.id().toString());
		assertThat(event.get("data").get("followeeHandle").asString()).isEqualTo(b.handle());

		assertThat(api.call(HttpMethod.DELETE, "/api/follows/" + b.handle(), a.accessToken(), null).status()).isEqualTo(204);
		assertThat(api.call(HttpMethod.DELETE, "/api/follows/" + b.handle(), a.accessToken(), null).status()).isEqualTo(204);
		assertThat(api.get("/api/users/" + b.handle(), a.accessToken()).body().get("followers").asLong()).isZero();
		awaitEvent("follows", "instaclone.follow.deleted.v1", b.id().toString());
		// idempotent calls published exactly one event each way
		assertThat(jdbc.sql("select count(*) from outbox_event where topic = 'follows' and cast(payload as json) ->> 'subject' = ?")
			.param(b.id().toString())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void followRules() {
		Api.SignedUp a = api.signUp("hal");
		Api.Response self = api.call(HttpMethod.PUT, "/api/follows/" + a.handle(), a.accessToken(), null);
		assertThat(self.status()).isEqualTo(422);
		assertThat(self.body().get("type").asString()).endsWith("/self-follow");

		Api.Response unknown = api.call(HttpMethod.PUT, "/api/follows/nobody" + suffix(), a.accessToken(), null);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).isEqualTo("application/problem+json");

		assertThat(api.call(HttpMethod.PUT, "/api/follows/" + a.handle(), null, null).status()).isEqualTo(401);
	}

	@Test
	void followerListsPageWithACursorWithoutGapsOrRepeats() {
		Api.SignedUp star = api.signUp("star");
		List<String> fans = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Api.SignedUp fan = api.signUp("fan");
			api.call(HttpMethod.PUT, "/api/follows/" + star.handle(), fan.accessToken(), null);
			fans.add(0, fan.handle());
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = api.get("/api/users/" + star.handle() + "/followers?limit=2"
					+ (cursor == null ? "" : "&cursor=" + cursor), star.accessToken()).body();
			seen.addAll(page.get("items").findValuesAsString("handle"));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			pages++;
		}
		while (cursor != null);
		assertThat(seen).isEqualTo(fans);
		assertThat(pages).isEqualTo(3);

		assertThat(api.get("/api/users/" + star.handle() + "/followers?limit=101", star.accessToken()).status())
			.isEqualTo(400);
		assertThat(api.get("/api/users/" + star.handle() + "/followers?cursor=garbage", star.accessToken()).status())
			.isEqualTo(400);
	}

	@Test
	void profileUpdateChangesOnlyTheWritableFields() {
		Api.SignedUp ivy = api.signUp("ivy");
		Api.Response updated = api.call(HttpMethod.PATCH, "/api/users/me", ivy.accessToken(),
				Map.of("displayName", "Ivy Q", "bio", "photos of cats"));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.body().get("displayName").asString()).isEqualTo("Ivy Q");

		Api.Response sneaky = api.call(HttpMethod.PATCH, "/api/users/me", ivy.accessToken(),
				Map.of("bio", "hacked", "followers", 1000000));
		assertThat(sneaky.status()).isEqualTo(400);
		JsonNode profile = api.get("/api/users/" + ivy.handle(), ivy.accessToken()).body();
		assertThat(profile.get("bio").asString()).isEqualTo("photos of cats");
		assertThat(profile.get("followers").asLong()).isZero();
		assertThat(profile.has("email")).isFalse();
	}

	@Test
	void jwksIsPublicAndHoldsOnlyPublicKeys() {
		Api.Response jwks = api.get("/.well-known/jwks.json", null);
		assertThat(jwks.status()).isEqualTo(200);
		JsonNode key = jwks.body().get("keys").get(0);
		assertThat(key.get("kty").asString()).isEqualTo("EC");
		assertThat(key.get("crv").asString()).isEqualTo("P-256");
		assertThat(key.get("kid").asString()).isNotBlank();
		assertThat(key.has("d")).isFalse();
	}

	@Test
	void operationalEndpointsArePublic() {
		assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
		assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
		assertThat(api.get("/actuator/prometheus", null).raw()).contains("outbox_backlog");
		assertThat(api.get("/v3/api-docs", null).raw()).contains("/api/follows/{handle}");
	}

	private JsonNode awaitEvent(String topic, String type, String subject) {
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getProperty("spring.kafka.bootstrap-servers"));
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		JsonMapper json = JsonMapper.builder().build();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
			List<JsonNode> found = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				List<TopicPartition> partitions = consumer.partitionsFor(topic)
					.stream()
					.map(p -> new TopicPartition(topic, p.partition()))
					.toList();
				if (consumer.assignment().isEmpty()) {
					consumer.assign(partitions);
					consumer.seekToBeginning(partitions);
				}
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					JsonNode event = json.readTree(record.value());
					if (event.get("type").asString().equals(type) && event.get("subject").asString().equals(subject)) {
						assertThat(new String(record.headers().lastHeader("content-type").value()))
							.isEqualTo("application/cloudevents+json");
						found.add(event);
					}
				}
				return !found.isEmpty();
			});
			return found.get(0);
		}
	}

	private long countAccounts() {
		return jdbc.sql("select count(*) from account").query(Long.class).single();
	}

	private static JsonNode withoutInstance(JsonNode problem) {
		return ((tools.jackson.databind.node.ObjectNode) problem.deepCopy()).without(List.of("instance"));
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
