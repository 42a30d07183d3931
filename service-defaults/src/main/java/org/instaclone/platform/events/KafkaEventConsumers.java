package org.instaclone.platform.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpoint;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.converter.MessageConverter;

/**
 * The microservice deployment's consuming edge: one Kafka listener container per
 * {@link EventConsumer} method, registered like a {@code @KafkaListener} (same registry, so
 * {@code KafkaListenerEndpointRegistry.getListenerContainer(name)} finds it; Boot's container factory,
 * so the platform's error handler and {@code <topic>-dlt} apply). Consumer group: the service
 * ({@code spring.application.name}); listener id and client id prefix: the consumer's name. A batch
 * consumer gets the values of one poll; its {@link EventBatchException} becomes Kafka's
 * {@link BatchListenerFailedException} at the same index.
 */
class KafkaEventConsumers implements KafkaListenerConfigurer, BeanFactoryAware {

	private @Nullable ListableBeanFactory beans;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beans = (ListableBeanFactory) beanFactory;
	}

	@Override
	public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
		if (this.beans == null) {
			throw new IllegalStateException("no bean factory");
		}
		for (EventConsumers.Endpoint consumer : EventConsumers.in(this.beans)) {
			registrar.registerEndpoint(new Endpoint(consumer));
		}
	}

	/** What a {@code @KafkaListener(id = name, idIsGroup = false, topics = topic)} would declare. */
	private record Endpoint(EventConsumers.Endpoint consumer) implements KafkaListenerEndpoint {

		@Override
		public String getId() {
			return this.consumer.name();
		}

		@Override
		public @Nullable String getGroupId() {
			return null; // the consumer factory's: the service's name
		}

		@Override
		public @Nullable String getGroup() {
			return null;
		}

		@Override
		public Collection<String> getTopics() {
			return List.of(this.consumer.topic());
		}

		@Override
		public TopicPartitionOffset @Nullable [] getTopicPartitionsToAssign() {
			return null;
		}

		@Override
		public @Nullable Pattern getTopicPattern() {
			return null;
		}

		@Override
		public String getClientIdPrefix() {
			return this.consumer.name();
		}

		@Override
		public @Nullable Integer getConcurrency() {
			return null;
		}

		@Override
		public @Nullable Boolean getAutoStartup() {
			return null;
		}

		@Override
		public Boolean getBatchListener() {
			return this.consumer.batch();
		}

		@Override
		public boolean isSplitIterables() {
			return true;
		}

		@Override
		public void setupListenerContainer(MessageListenerContainer container,
				@Nullable MessageConverter messageConverter) {
			if (this.consumer.batch()) {
				container.setupMessageListener((BatchMessageListener<String, String>) this::onBatch);
			}
			else {
				container.setupMessageListener((MessageListener<String, String>) this::onRecord);
			}
		}

		private void onRecord(ConsumerRecord<String, String> record) {
			this.consumer.accept(valueOf(record));
		}

		private void onBatch(List<ConsumerRecord<String, String>> records) {
			List<String> payloads = new ArrayList<>(records.size());
			for (ConsumerRecord<String, String> record : records) {
				payloads.add(valueOf(record));
			}
			try {
				this.consumer.acceptAll(payloads);
			}
			catch (EventBatchException ex) {
				throw new BatchListenerFailedException(ex.getMessage(), ex.getCause(), ex.index());
			}
		}

		/** A record without a value (a tombstone) is not an event: an empty payload, rejected as malformed. */
		private static String valueOf(ConsumerRecord<String, String> record) {
			String value = record.value();
			return value == null ? "" : value;
		}
	}
}
