package org.instaclone.monolith;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModulesMetricsTests {

	@Test
	void equallyNamedFamiliesOfTwoModulesBecomeOneFamilyWithBothSeries() throws Exception {
		PrometheusMeterRegistry follow = registry("follow-service");
		PrometheusMeterRegistry ads = registry("ads-service");
		Counter.builder("outbox.sent").register(follow).increment(3);
		Counter.builder("outbox.sent").register(ads).increment(5);
		Timer.builder("http.server.requests").publishPercentileHistogram().register(ads).record(Duration.ofMillis(12));
		Timer.builder("http.server.requests").publishPercentileHistogram().register(follow).record(Duration.ofMillis(7));

		String scrape = text(ModulesMetrics.merge(
				List.of(follow.getPrometheusRegistry().scrape(), ads.getPrometheusRegistry().scrape())));

		assertThat(scrape.lines().filter((line) -> line.equals("# TYPE outbox_sent_total counter"))).hasSize(1);
		assertThat(scrape).contains("outbox_sent_total{application=\"follow-service\"} 3.0",
				"outbox_sent_total{application=\"ads-service\"} 5.0");
		assertThat(scrape.lines().filter((line) -> line.equals("# TYPE http_server_requests_seconds histogram")))
			.hasSize(1);
		assertThat(scrape).contains("http_server_requests_seconds_count{application=\"follow-service\"} 1",
				"http_server_requests_seconds_count{application=\"ads-service\"} 1");
		assertThat(scrape.lines().filter((line) -> line.startsWith("# TYPE ")).toList()).doesNotHaveDuplicates();
	}

	@Test
	void aFamilyOnlyOneModuleHasIsKeptAsItIs() throws Exception {
		PrometheusMeterRegistry metrics = registry("metrics-service");
		Counter.builder("views.ingest.accepted").register(metrics).increment(2);
		MetricSnapshots alone = metrics.getPrometheusRegistry().scrape();

		assertThat(text(ModulesMetrics.merge(List.of(alone, registry("upload-service").getPrometheusRegistry().scrape()))))
			.isEqualTo(text(alone));
	}

	private static PrometheusMeterRegistry registry(String application) {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		registry.config().commonTags("application", application);
		return registry;
	}

	private static String text(MetricSnapshots snapshots) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrometheusTextFormatWriter.create().write(out, snapshots);
		return out.toString(StandardCharsets.UTF_8);
	}
}
