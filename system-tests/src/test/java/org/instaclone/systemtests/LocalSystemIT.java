package org.instaclone.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instaclone.systemtests.LocalRunnerProcess.MODULES;
import static org.instaclone.systemtests.LocalRunnerProcess.PORTS;
import static org.instaclone.systemtests.LocalRunnerProcess.isListening;
import static org.instaclone.systemtests.LocalRunnerProcess.sleep;

/**
 * The {@link SystemScenario} against the microservices: starts the whole local system exactly as the
 * README does, once (it costs over a minute), and checks only through the gateway on
 * http://localhost:8080; the follow event is read from Kafka. Finally, stopping the runner leaves
 * nothing behind.
 */
class LocalSystemIT extends SystemScenario {

	private static final String GATEWAY = "http://localhost:8080";

	private @Nullable LocalRunnerProcess runner;

	/**
	 * {@code -Dinstaclone.attach=true}: use a local system that is already running (the README's run
	 * command) instead of starting one, e.g. to work on the web client; the stop test is skipped then.
	 */
	private final boolean attach = Boolean.getBoolean("instaclone.attach");

	@BeforeAll
	void startTheLocalSystem() throws Exception {
		if (this.attach) {
			assertThat(isListening(8080)).as("-Dinstaclone.attach=true needs a running local system").isTrue();
			return;
		}
		Path home = this.home;
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

	@Override
	String baseUrl() {
		return GATEWAY;
	}

	@Override
	String screenshots() {
		return "system-tests/target/screenshots";
	}

	@Test
	@Order(100)
	void stoppingTheRunnerStopsEverythingItStarted() throws Exception {
		Assumptions.assumeFalse(this.attach, "attached to a running system, which is not ours to stop");
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
	void stopTheLocalSystem() throws Exception {
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

	/** Reads the {@code follows} topic from the beginning until the A->B follow.created event shows up. */
	@Override
	JsonNode awaitFollowCreatedEvent(String followerId, String followeeId, Duration timeout) {
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
}
