package org.instaclone.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker (broker and controller in one JVM) started from the Kafka jars
 * inside the runner's own jar: {@code java -cp local-runner.jar -Dloader.main=kafka.Kafka
 * PropertiesLauncher server.properties}. Its log directory, formatted on first start, is
 * {@code <data>/kafka/data}.
 */
final class LocalKafka {

	static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx192m", "-XX:+UseSerialGC", "-Xss512k",
			"-XX:TieredStopAtLevel=1", "-XX:MaxMetaspaceSize=96m", "-XX:ReservedCodeCacheSize=32m",
			"-XX:MaxDirectMemorySize=64m", "-XX:+ExitOnOutOfMemoryError", "-Dinstaclone.log.level=INFO");

	private LocalKafka() {
	}

	static String serverProperties(Path logDirectory) {
		return """
				# written by the Instaclone local runner on every start; edit LocalKafka.java instead
				process.roles=broker,controller
				node.id=1
				controller.quorum.voters=1@localhost:%2$d
				listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
				advertised.listeners=PLAINTEXT://localhost:%1$d
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
				log.dirs=%3$s
				auto.create.topics.enable=true
				# as in compose and Kubernetes, and as every producer declares its topics: a consumer that
				# subscribes before the producer created the topic must not get a one-partition topic
				num.partitions=3
				default.replication.factor=1
				offsets.topic.replication.factor=1
				offsets.topic.num.partitions=3
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				transaction.state.log.num.partitions=3
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				num.network.threads=2
				num.io.threads=2
				background.threads=2
				log.cleaner.threads=1
				log.cleaner.dedupe.buffer.size=8388608
				""".formatted(Services.KAFKA_PORT, Services.KAFKA_CONTROLLER_PORT,
				logDirectory.toString().replace('\\', '/'));
	}

	/**
	 * Writes server.properties, formats the log directory on first start and starts the broker; a
	 * {@code restart} appends to the broker's log.
	 */
	static Child start(JavaCommand java, Path kafkaDirectory, Path workingDirectory, Path log, boolean restart)
			throws IOException {
		Path logDirectory = kafkaDirectory.resolve("data");
		Path properties = kafkaDirectory.resolve("server.properties");
		Files.createDirectories(kafkaDirectory);
		Files.writeString(properties, serverProperties(logDirectory), StandardCharsets.UTF_8);
		if (!Files.exists(logDirectory.resolve("meta.properties"))) {
			List<String> format = new ArrayList<>(java.kafkaTool("kafka.tools.StorageTool", JVM_OPTIONS));
			format.addAll(List.of("format", "--cluster-id", Uuid.randomUuid().toString(), "--config",
					properties.toString()));
			Child formatter = Child.start("kafka-format", format, Map.of(), workingDirectory,
					log.resolveSibling("kafka-format.log"));
			int exit = formatter.waitFor(Duration.ofSeconds(120));
			if (exit != 0) {
				throw new IllegalStateException("Formatting the Kafka log directory failed (exit " + exit + "); see "
						+ formatter.log());
			}
		}
		List<String> command = new ArrayList<>(java.kafkaTool("kafka.Kafka", JVM_OPTIONS));
		command.add(properties.toString());
		return Child.start("kafka", command, Map.of(), workingDirectory, log, restart);
	}

	/** Whether the broker answers a metadata request within the timeout. */
	static boolean isReady(Duration timeout) {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + Services.KAFKA_PORT);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
		Admin admin = Admin.create(config);
		try {
			return !admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			// bounded: Admin.close() without a timeout waits forever for in-flight calls to a broker that
			// is not up yet, which once hung the runner's readiness loop for good
			admin.close(timeout);
		}
	}
}
