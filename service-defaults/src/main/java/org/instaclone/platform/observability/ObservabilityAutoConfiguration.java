package org.instaclone.platform.observability;

import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The meters every service keeps. Boot applies {@link MeterFilter} beans to the registry before any
 * meter is bound, so the Kafka clients' meters are filtered from the first one. The property defaults
 * that go with it (latency buckets for {@code http.server.requests}, tracing sampling) are in
 * {@code ServiceDefaultsEnvironmentPostProcessor}; the series budget and what was measured are in
 * docs/observability.md.
 */
@AutoConfiguration
@ConditionalOnClass(MeterFilter.class)
public class ObservabilityAutoConfiguration {

	/** Every Kafka client meter instead: {@code instaclone.metrics.kafka-client-metrics=all}. */
	@Bean
	@ConditionalOnProperty(name = "instaclone.metrics.kafka-client-metrics", havingValue = "curated",
			matchIfMissing = true)
	MeterFilter instacloneKafkaClientMeters() {
		return new KafkaClientMeterFilter();
	}
}
