package org.instaclone.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The platform's event mechanism (see {@code docs/events.md}): outbox, relay, idempotent consumers,
 * and a dead-letter topic ({@code <topic>-dlt}) for messages that cannot be processed.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class })
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
public class EventsAutoConfiguration {

	@Bean
	Outbox outbox(JdbcClient jdbc, JsonMapper json, @Value("${spring.application.name}") String application) {
		return new Outbox(jdbc, json, "/" + application);
	}

	/**
	 * Kafka, unless the application brings its own transport (the monolith twin registers an
	 * in-process {@link EventSender} before its contexts start).
	 */
	@Bean
	@ConditionalOnMissingBean(EventSender.class)
	@ConditionalOnBean(KafkaTemplate.class)
	EventSender kafkaEventSender(KafkaTemplate<String, String> kafka) {
		return new KafkaEventSender(kafka);
	}

	@Bean
	@ConditionalOnProperty(name = "instaclone.outbox.enabled", matchIfMissing = true)
	OutboxRelay outboxRelay(JdbcClient jdbc, EventSender sender, PlatformTransactionManager tm,
			OutboxProperties properties, MeterRegistry meters) {
		Gauge.builder("outbox.backlog", jdbc,
				j -> j.sql("select count(*) from outbox_event where sent_at is null").query(Long.class).single())
			.description("Events written to the outbox but not yet acknowledged by the transport (Kafka, or in process)")
			.register(meters);
		return new OutboxRelay(jdbc, sender, new TransactionTemplate(tm), properties);
	}

	@Bean
	ProcessedEvents processedEvents(JdbcClient jdbc) {
		return new ProcessedEvents(jdbc);
	}

	@Bean
	CloudEvents cloudEvents(JsonMapper json) {
		return new CloudEvents(json);
	}

	/**
	 * The consuming edge: a Kafka listener container per {@link EventConsumer} method. Without Kafka
	 * (the monolith twin) the deployment calls those methods itself.
	 */
	@Bean
	@ConditionalOnBean(KafkaTemplate.class)
	KafkaEventConsumers kafkaEventConsumers() {
		return new KafkaEventConsumers();
	}

	/** The {@link EventTopic}s the service declares, created by Boot's {@code KafkaAdmin} if missing. */
	@Bean
	@ConditionalOnBean(KafkaTemplate.class)
	KafkaAdmin.NewTopics eventTopics(ObjectProvider<EventTopic> topics) {
		return new KafkaAdmin.NewTopics(topics.orderedStream()
			.map((topic) -> TopicBuilder.name(topic.name()).partitions(topic.partitions()).build())
			.toArray(NewTopic[]::new));
	}

	/**
	 * Three tries, then the record goes to {@code <topic>-dlt} with the error in its headers. Malformed
	 * JSON is not retried.
	 */
	@Bean
	@ConditionalOnBean(KafkaTemplate.class)
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka) {
		DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(kafka),
				new FixedBackOff(500L, 2L));
		handler.addNotRetryableExceptions(JacksonException.class, IllegalArgumentException.class);
		return handler;
	}
}
