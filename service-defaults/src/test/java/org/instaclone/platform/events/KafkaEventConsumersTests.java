package org.instaclone.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.instaclone.testsupport.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The microservices' consuming edge on a real (embedded) Kafka broker: each {@link EventConsumer}
 * method gets a listener container of its own, named like the consumer, and the platform's error
 * handling holds for batches (a bad event goes to {@code <topic>-dlt}, its neighbours are processed
 * once); each {@link EventTopic} is created.
 */
@SpringBootTest(classes = KafkaEventConsumersTests.Service.class, properties = {
		"spring.application.name=edge-tests", "instaclone.outbox.enabled=false",
		"instaclone.security.public-paths=/api/none", "spring.kafka.consumer.max-poll-records=10",
		"spring.autoconfigure.exclude=org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
				+ "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
				+ "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
class KafkaEventConsumersTests {

	static final String BATCHES = "edge-tests.batches";

	static final String SINGLES = "edge-tests.singles";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", EmbeddedInfrastructure::jdbcUrl);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.kafka.bootstrap-servers", EmbeddedInfrastructure::kafkaBootstrapServers);
	}

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	KafkaListenerEndpointRegistry registry;

	@Autowired
	Consumers consumers;

	@Test
	void eachConsumerHasItsOwnContainerNamedLikeIt() {
		MessageListenerContainer batches = this.registry.getListenerContainer("edge-tests.batch-consumer");
		MessageListenerContainer singles = this.registry.getListenerContainer("edge-tests.single-consumer");
		assertThat(batches).isNotNull();
		assertThat(singles).isNotNull();
		assertThat(batches.getContainerProperties().getTopics()).containsExactly(BATCHES);
		assertThat(batches.getGroupId()).isEqualTo("edge-tests");
	}

	@Test
	void theDeclaredTopicIsCreatedWithItsPartitions() throws Exception {
		try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				EmbeddedInfrastructure.kafkaBootstrapServers()))) {
			TopicDescription topic = admin.describeTopics(List.of(BATCHES)).allTopicNames().get().get(BATCHES);
			assertThat(topic.partitions()).hasSize(3);
		}
	}

	@Test
	void aBadEventInABatchGoesToTheDeadLettersAndItsNeighboursAreProcessedOnce() throws Exception {
		String run = UUID.randomUUID().toString();
		// one key: one partition, so the three arrive in one poll, in order
		for (String payload : List.of(run + ":before", run + ":poison", run + ":after")) {
			this.kafka.send(BATCHES, run, payload);
		}
		this.kafka.flush();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.consumers.processed).contains(run + ":before", run + ":after"));
		List<String> parked = new ArrayList<>();
		try (Consumer<String, String> dlt = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				EmbeddedInfrastructure.kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "dlt-" + run,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
			dlt.subscribe(List.of(BATCHES + "-dlt"));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				dlt.poll(Duration.ofMillis(500)).forEach((r) -> parked.add(r.value()));
				assertThat(parked).contains(run + ":poison");
			});
		}
		assertThat(this.consumers.processed.stream().filter((p) -> p.startsWith(run)))
			.containsExactly(run + ":before", run + ":after");
	}

	@Test
	void aConsumerOfOneEventGetsEachPayload() {
		String run = UUID.randomUUID().toString();
		this.kafka.send(SINGLES, run, run + ":one");
		this.kafka.send(SINGLES, run, run + ":two");

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.consumers.singles.stream().filter((p) -> p.startsWith(run)))
				.containsExactly(run + ":one", run + ":two"));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Service {

		@Bean
		EventTopic batchesTopic() {
			return EventTopic.of(BATCHES);
		}

		@Bean
		EventTopic singlesTopic() {
			return EventTopic.of(SINGLES);
		}

		@Bean
		Consumers consumers() {
			return new Consumers();
		}

		@Bean
		EventTopic deadLettersTopic() {
			return EventTopic.of(BATCHES + "-dlt");
		}
	}

	/** A batch consumer that refuses the events marked poison (as malformed: not retried), and a single one. */
	static class Consumers {

		final List<String> processed = new CopyOnWriteArrayList<>();

		final List<String> singles = new CopyOnWriteArrayList<>();

		@EventConsumer(name = "edge-tests.batch-consumer", topic = BATCHES)
		void onBatch(List<String> payloads) {
			for (int i = 0; i < payloads.size(); i++) {
				if (payloads.get(i).endsWith(":poison")) {
					throw new EventBatchException("poison at " + i, new IllegalArgumentException("poison"), i);
				}
				this.processed.add(payloads.get(i));
			}
		}

		@EventConsumer(name = "edge-tests.single-consumer", topic = SINGLES)
		void onEvent(String payload) {
			this.singles.add(payload);
		}
	}
}
