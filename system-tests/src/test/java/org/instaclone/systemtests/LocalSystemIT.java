package org.instaclone.systemtests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the whole local system exactly as the README does and checks, only through the gateway on
 * http://localhost:8080, that sign-up, following and the follower list work, that the follow event
 * reaches Kafka, and that stopping the runner leaves nothing behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalSystemIT {

	private static final String GATEWAY = "http://localhost:8080";

	private static final List<String> MODULES = List.of("gateway", "follow-service", "upload-service", "ads-service",
			"integrations-service", "metrics-service");

	private static final List<Integer> PORTS = List.of(8080, 8081, 8082, 8083, 8084, 8085, 15432, 19092, 19093);

	private static final String PASSWORD = "correct horse battery staple";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private @Nullable LocalRunnerProcess runner;

	@BeforeAll
	void startTheLocalSystem() throws Exception {
		Path home = Path.of(System.getProperty("instaclone.home", "..")).toAbsolutePath().normalize();
		for (String module : MODULES) {
			assertThat(home.resolve(module).resolve("target").resolve(module + ".jar"))
				.as("%s must be packaged before the system tests run (./mvnw verify does that)", module)
				.isRegularFile();
		}
		assertThat(home.resolve("local-runner/target/local-runner.jar")).isRegularFile();
		for (int port : PORTS) {
			assertThat(isListening(port)).as("port %d must be free before the system test starts", port).isFalse();
		}
		String run = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
		Path dataDir = home.resolve("system-tests/target/local-run-" + run);
		Files.createDirectories(dataDir);
		this.runner = LocalRunnerProcess.start(home, dataDir);
		// a little longer than the runner's own start-up timeout (300 s), so its message is what we see on a slow machine
		this.runner.awaitReady(Duration.ofSeconds(320));
	}

	@Test
	@Order(1)
	void aFollowIsVisibleThroughTheGatewayAndPublishedToKafka() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String alice = "ita" + suffix;
		String bob = "itb" + suffix;
		JsonNode aliceSession = signUp(alice);
		JsonNode bobSession = signUp(bob);
		String aliceToken = aliceSession.path("accessToken").asString();
		assertThat(aliceSession.path("tokenType").asString()).isEqualTo("Bearer");
		assertThat(aliceSession.path("account").path("handle").asString()).isEqualTo(alice);

		HttpResponse<String> follow = send(request("/api/follows/" + bob, aliceToken)
			.PUT(HttpRequest.BodyPublishers.noBody()));
		assertThat(follow.statusCode()).as(follow.body()).isEqualTo(204);

		HttpResponse<String> followers = send(request("/api/users/" + bob + "/followers", aliceToken).GET());
		assertThat(followers.statusCode()).as(followers.body()).isEqualTo(200);
		List<String> followerHandles = new ArrayList<>();
		this.json.readTree(followers.body()).path("items").forEach((item) -> followerHandles.add(item.path("handle").asString()));
		assertThat(followerHandles).containsExactly(alice);

		HttpResponse<String> profile = send(request("/api/users/" + bob, aliceToken).GET());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
		JsonNode bobProfile = this.json.readTree(profile.body());
		assertThat(bobProfile.path("followers").asLong()).isEqualTo(1);
		assertThat(bobProfile.path("following").asLong()).isZero();

		String aliceId = aliceSession.path("account").path("id").asString();
		String bobId = bobSession.path("account").path("id").asString();
		JsonNode event = awaitFollowCreatedEvent(aliceId, bobId, Duration.ofSeconds(30));
		assertThat(event.path("specversion").asString()).isEqualTo("1.0");
		assertThat(event.path("subject").asString()).isEqualTo(bobId);
		assertThat(event.path("data").path("followerHandle").asString()).isEqualTo(alice);
		assertThat(event.path("data").path("followeeHandle").asString()).isEqualTo(bob);
	}

	@Test
	@Order(2)
	void anUnauthenticatedCallGetsAProblem401() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/follows/nobody"))
			.timeout(Duration.ofSeconds(20))
			.PUT(HttpRequest.BodyPublishers.noBody()));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(401);
		assertThat(problem.path("title").asString()).isNotBlank();
	}

	@Test
	@Order(3)
	void stoppingTheRunnerStopsEverythingItStarted() throws Exception {
		LocalRunnerProcess started = runner();
		List<ProcessHandle> children = started.process().descendants().toList();
		assertThat(children.stream().map((child) -> child.info().commandLine().orElse("")).toList())
			.as("the runner's child processes").hasSizeGreaterThanOrEqualTo(MODULES.size() + 1)
			.anyMatch((command) -> command.contains("kafka.Kafka"))
			.anyMatch((command) -> command.contains("gateway.jar"))
			.anyMatch((command) -> command.contains("follow-service.jar"));

		assertThat(started.stop(Duration.ofSeconds(180))).as("the runner exits after SIGTERM\n%s", started.diagnostics())
			.isTrue();

		assertThat(children.stream().filter(ProcessHandle::isAlive).map((child) -> child.pid() + " "
				+ child.info().commandLine().orElse("?")).toList()).as("children still alive").isEmpty();
		assertThat(started.output()).contains("Stopped.");
		for (int port : PORTS) {
			assertThat(isListening(port)).as("something still listens on port %d", port).isFalse();
		}
	}

	@AfterAll
	void stopTheLocalSystem() throws InterruptedException {
		LocalRunnerProcess started = this.runner;
		if (started != null && started.process().isAlive() && !started.stop(Duration.ofSeconds(90))) {
			started.kill();
		}
	}

	private LocalRunnerProcess runner() {
		LocalRunnerProcess started = this.runner;
		assertThat(started).as("the local runner").isNotNull();
		return started;
	}

	private JsonNode signUp(String handle) throws IOException, InterruptedException {
		String body = this.json.writeValueAsString(
				Map.of("handle", handle, "email", handle + "@example.com", "password", PASSWORD));
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/accounts"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).as("sign-up of %s: %s", handle, response.body()).isEqualTo(201);
		return this.json.readTree(response.body());
	}

	private static HttpRequest.Builder request(String path, String token) {
		return HttpRequest.newBuilder(URI.create(GATEWAY + path))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Reads the {@code follows} topic from the beginning until the A->B follow.created event shows up. */
	private JsonNode awaitFollowCreatedEvent(String followerId, String followeeId, Duration timeout) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:19092");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		Instant deadline = Instant.now().plus(timeout);
		List<String> seen = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			List<TopicPartition> assigned = List.of();
			while (Instant.now().isBefore(deadline)) {
				if (assigned.isEmpty()) {
					List<PartitionInfo> partitions = consumer.partitionsFor("follows", Duration.ofSeconds(5));
					if (partitions == null || partitions.isEmpty()) {
						sleep(Duration.ofMillis(500));
						continue;
					}
					assigned = partitions.stream().map((p) -> new TopicPartition(p.topic(), p.partition())).toList();
					consumer.assign(assigned);
					consumer.seekToBeginning(assigned);
				}
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
					JsonNode event = this.json.readTree(record.value());
					seen.add(event.path("type").asString() + " key=" + record.key());
					if (event.path("type").asString().equals("instaclone.follow.created.v1")
							&& event.path("data").path("followerId").asString().equals(followerId)
							&& event.path("data").path("followeeId").asString().equals(followeeId)) {
						assertThat(record.key()).isEqualTo(followerId);
						return event;
					}
				}
			}
		}
		throw new AssertionError("No instaclone.follow.created.v1 event for " + followerId + " -> " + followeeId
				+ " on topic follows within " + timeout.toSeconds() + " s; saw " + seen);
	}

	private static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
