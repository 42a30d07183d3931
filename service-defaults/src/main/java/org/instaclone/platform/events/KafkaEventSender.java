package org.instaclone.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * The microservice deployment's {@link EventSender}: one Kafka record per event, with the CloudEvents
 * content type header; the future completes when the broker acknowledged it ({@code acks=all}).
 */
class KafkaEventSender implements EventSender {

	private static final byte[] CONTENT_TYPE = CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);

	private final KafkaTemplate<String, String> kafka;

	KafkaEventSender(KafkaTemplate<String, String> kafka) {
		this.kafka = kafka;
	}

	@Override
	public CompletableFuture<?> send(String topic, String key, String payload) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
		record.headers().add("content-type", CONTENT_TYPE);
		return this.kafka.send(record);
	}
}
