package org.instaclone.platform.web;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The settings every Instaclone service shares, added as the lowest-precedence property source: a
 * service's own {@code application.yml} and environment variables override any of them.
 */
class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String EXCLUDE = "spring.autoconfigure.exclude";

	static final Map<String, Object> DEFAULTS = Map.ofEntries(
			// persistence: Flyway owns the schema; no lazy loading in views
			Map.entry("spring.jpa.open-in-view", "false"),
			// the platform's outbox/processed-event tables (V0_x) migrate before the service's own (V1+);
			// a service that sets its own locations must keep classpath:db/platform
			Map.entry("spring.flyway.locations", "classpath:db/migration,classpath:db/platform"),
			Map.entry("spring.jpa.hibernate.ddl-auto", "validate"),
			Map.entry("spring.jpa.properties.hibernate.jdbc.time_zone", "UTC"),
			Map.entry("spring.datasource.hikari.maximum-pool-size", "10"),
			// HTTP: RFC 9457 bodies, strict JSON (unknown fields are rejected, so clients cannot
			// smuggle privileged fields), no internals in errors
			Map.entry("spring.mvc.problemdetails.enabled", "true"),
			Map.entry("spring.jackson.deserialization.fail-on-unknown-properties", "true"),
			Map.entry("server.error.include-stacktrace", "never"),
			Map.entry("server.error.include-message", "never"),
			Map.entry("server.shutdown", "graceful"),
			Map.entry("server.tomcat.max-swallow-size", "2MB"),
			Map.entry("spring.servlet.multipart.max-file-size", "20MB"),
			Map.entry("spring.servlet.multipart.max-request-size", "21MB"),
			// JDK 21+: virtual threads for request handling (ignored on 17)
			Map.entry("spring.threads.virtual.enabled", "true"),
			// operations
			// (faults exists only with instaclone.fault-injection.enabled=true; see platform.fault)
			Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus,faults"),
			Map.entry("management.endpoint.health.probes.enabled", "true"),
			Map.entry("management.endpoint.health.group.readiness.include", "readinessState,db"),
			Map.entry("management.endpoint.health.group.liveness.include", "livenessState"),
			Map.entry("management.metrics.tags.application", "${spring.application.name}"),
			// request latency as 10 fixed buckets (+Inf) per uri/method/status (the dashboards' p95 and an
			// SLO at 50 ms), not Micrometer's ~70-bucket percentile histogram; no in-flight long task timer
			// (*_active_seconds) beside each observation's timer: nothing reads it, and it is a meter
			// update per request (the gateway does the same). Series budget: docs/observability.md
			Map.entry("management.metrics.distribution.slo.http.server.requests",
					"5ms,10ms,25ms,50ms,100ms,250ms,500ms,1000ms,2500ms,5000ms"),
			Map.entry("management.metrics.observations.ignored-meters", "long-task-timer"),
			// tracing: metrics are scraped by Prometheus, OTLP carries traces only; requests through the
			// gateway follow its sampling decision, this rate applies to traces a service starts itself.
			// 10 % by default (a span per request costs ~10 % of a cheap request's CPU; docs/performance.md);
			// TRACING_SAMPLING_PROBABILITY=1.0 traces every request
			Map.entry("management.otlp.metrics.export.enabled", "false"),
			Map.entry("management.tracing.sampling.probability", "${TRACING_SAMPLING_PROBABILITY:0.1}"),
			// no observation (timer + span) per Spring Security filter: they were a quarter of a cached
			// request's CPU; the request's own observation (http.server.requests) stays
			Map.entry("management.observations.enable.spring.security", "false"),
			// Kafka: durable, idempotent producer that fails fast when the broker is away (the outbox
			// retries); consumers start from the beginning and commit after processing
			Map.entry("spring.kafka.producer.acks", "all"),
			Map.entry("spring.kafka.producer.properties.enable.idempotence", "true"),
			Map.entry("spring.kafka.producer.properties.max.block.ms", "5000"),
			Map.entry("spring.kafka.producer.properties.request.timeout.ms", "5000"),
			Map.entry("spring.kafka.producer.properties.delivery.timeout.ms", "9000"),
			Map.entry("spring.kafka.consumer.group-id", "${spring.application.name}"),
			Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
			Map.entry("spring.kafka.admin.fail-fast", "false"),
			Map.entry("spring.kafka.admin.properties.request.timeout.ms", "5000"),
			// auto-configurations no service uses, left out so their classes are not loaded (each class is
			// ~6 KB of resident class data; docs/performance.md, "Memory per service"). Only when nothing else
			// sets spring.autoconfigure.exclude (a test's or an embedded app's own list, even one in Boot's
			// defaultProperties, which end up below this source, stays whole; see postProcessEnvironment):
			// - DataWeb: Pageable/Sort argument resolvers and Page JSON; lists page with the platform's cursors
			// - OpenTelemetry logging (SDK logger provider, OTLP log export): logs go to stdout
			//   (docs/observability.md); nothing hands log records to the OpenTelemetry SDK
			Map.entry(EXCLUDE, String.join(",",
					"org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration",
					"org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration",
					"org.springframework.boot.opentelemetry.autoconfigure.logging.otlp.OtlpLoggingAutoConfiguration")),
			// API docs
			Map.entry("springdoc.api-docs.path", "/v3/api-docs"),
			Map.entry("springdoc.swagger-ui.path", "/swagger-ui.html"));

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new HashMap<>(DEFAULTS);
		if (Binder.get(environment).bind(EXCLUDE, String[].class).isBound()) {
			defaults.remove(EXCLUDE);
		}
		environment.getPropertySources().addLast(new MapPropertySource("instacloneServiceDefaults", defaults));
	}
}
