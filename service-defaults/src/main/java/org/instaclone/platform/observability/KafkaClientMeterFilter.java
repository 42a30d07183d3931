package org.instaclone.platform.observability;

import java.util.Set;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

/**
 * Keeps the Kafka client meters an operator reads and drops the rest. Micrometer binds every metric a
 * Kafka client registers: about 100 per consumer and 90 per producer, another 12 per broker the client
 * talks to and 7 per assigned partition, for every listener container and every concurrent consumer in
 * it. Measured here, metrics-service's five listeners alone were 700 of its 951 series; with three
 * brokers or more partitions they would pass the 1,000-series budget on their own
 * (docs/observability.md). What stays answers "is it keeping up, is it failing, is it connected":
 * lag per partition (bounded by the topic's partition count), records and bytes per topic, rebalances,
 * commit and request latency, errors, retries, connections and the send buffer.
 * {@code instaclone.metrics.kafka-client-metrics=all} brings every meter back.
 */
final class KafkaClientMeterFilter implements MeterFilter {

	/** Micrometer names of the kept meters ({@code kafka.} + the client's group + the metric's name). */
	static final Set<String> KEPT = Set.of(
			// consumers: lag (the Grafana dashboard's "consumer lag"), throughput, group health
			"kafka.consumer.fetch.manager.records.lag.max", "kafka.consumer.fetch.manager.records.consumed.total",
			"kafka.consumer.fetch.manager.bytes.consumed.total", "kafka.consumer.fetch.manager.fetch.latency.avg",
			"kafka.consumer.coordinator.assigned.partitions", "kafka.consumer.coordinator.rebalance.total",
			"kafka.consumer.coordinator.failed.rebalance.total", "kafka.consumer.coordinator.commit.latency.avg",
			"kafka.consumer.last.poll.seconds.ago", "kafka.consumer.connection.count",
			// producers: sends per topic (the dashboard's "events published"), errors, retries, latency
			"kafka.producer.topic.record.send.total", "kafka.producer.topic.record.error.total",
			"kafka.producer.topic.record.retry.total", "kafka.producer.request.latency.avg",
			"kafka.producer.request.latency.max", "kafka.producer.record.queue.time.max",
			"kafka.producer.buffer.available.bytes", "kafka.producer.connection.count");

	@Override
	public MeterFilterReply accept(Meter.Id id) {
		if (!id.getName().startsWith("kafka.")) {
			return MeterFilterReply.NEUTRAL;
		}
		return KEPT.contains(id.getName()) ? MeterFilterReply.NEUTRAL : MeterFilterReply.DENY;
	}
}
