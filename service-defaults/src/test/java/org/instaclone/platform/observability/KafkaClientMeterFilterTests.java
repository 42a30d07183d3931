package org.instaclone.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The Kafka client meters kept, on real Kafka clients bound the way Boot binds them (a client
 * registers its metrics when it is created; no broker is needed for that): the filter leaves a
 * handful of the ~190 meters, and every name it means to keep is a name the clients really register,
 * so a renamed Kafka metric fails here instead of disappearing from the dashboards.
 */
class KafkaClientMeterFilterTests {

	private static final Map<String, Object> CLIENT = Map.of("bootstrap.servers", "localhost:1", "client.id", "meters");

	@Test
	void keepsAFewMetersOfEachClient() {
		Set<String> all = meterNames(new SimpleMeterRegistry());
		MeterRegistry filtered = new SimpleMeterRegistry();
		filtered.config().meterFilter(new KafkaClientMeterFilter());
		Set<String> kept = meterNames(filtered);

		assertThat(all).as("every client meter, unfiltered").hasSizeGreaterThan(150);
		assertThat(kept).hasSizeLessThanOrEqualTo(KafkaClientMeterFilter.KEPT.size()).isSubsetOf(KafkaClientMeterFilter.KEPT);
		// the client-level meters in the list exist as soon as the clients do (lag, per-topic counts and
		// per-node meters appear once partitions are assigned and brokers are met)
		assertThat(all).contains("kafka.consumer.coordinator.assigned.partitions",
				"kafka.consumer.coordinator.rebalance.total", "kafka.consumer.coordinator.commit.latency.avg",
				"kafka.consumer.last.poll.seconds.ago", "kafka.consumer.connection.count",
				"kafka.consumer.fetch.manager.fetch.latency.avg", "kafka.producer.request.latency.avg",
				"kafka.producer.request.latency.max", "kafka.producer.record.queue.time.max",
				"kafka.producer.buffer.available.bytes", "kafka.producer.connection.count");
		assertThat(kept).containsAll(KafkaClientMeterFilter.KEPT.stream().filter(all::contains).toList());
	}

	@Test
	void leavesOtherMetersAlone() {
		MeterRegistry registry = new SimpleMeterRegistry();
		registry.config().meterFilter(new KafkaClientMeterFilter());
		registry.counter("spring.kafka.listener", "name", "x");
		registry.counter("http.server.requests");
		assertThat(registry.getMeters()).hasSize(2);
	}

	private static Set<String> meterNames(MeterRegistry registry) {
		Map<String, Object> consumerConfig = new java.util.HashMap<>(CLIENT);
		consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "meters");
		Map<String, Object> producerConfig = new java.util.HashMap<>(CLIENT);
		producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "meters-producer");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
				new StringDeserializer());
				KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
						new StringSerializer());
				KafkaClientMetrics consumerMetrics = new KafkaClientMetrics(consumer);
				KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer)) {
			consumerMetrics.bindTo(registry);
			producerMetrics.bindTo(registry);
			Set<String> names = new TreeSet<>();
			registry.getMeters().stream().map(Meter::getId).map(Meter.Id::getName).forEach(names::add);
			return names;
		}
	}
}
