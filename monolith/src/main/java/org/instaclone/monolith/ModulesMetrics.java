package org.instaclone.monolith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot.StateSetDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monolith's {@code /actuator/prometheus}: one scrape for the whole process, so the same Prometheus
 * job (compose, the Kubernetes annotations) fits either deployment. Each module keeps its own Micrometer
 * registry, as in its microservice, and every meter already carries {@code application=<service>}
 * (service-defaults' common tag), so the five scrapes are merged family by family: one {@code # TYPE} line
 * per metric name, the modules' series side by side. Concatenating the five texts instead would repeat
 * each family, which Prometheus rejects. The JVM's and process's own meters appear once per module (five
 * registries bind them), each with its module's {@code application} tag.
 */
@RestController
final class ModulesMetrics {

	private final ExpositionFormats formats = ExpositionFormats.init();

	private final ModuleContexts modules;

	ModulesMetrics(ModuleContexts modules) {
		this.modules = modules;
	}

	@GetMapping("/actuator/prometheus")
	ResponseEntity<byte[]> scrape(@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept)
			throws IOException {
		List<MetricSnapshots> scrapes = new ArrayList<>();
		for (Module module : Module.ALL) {
			ConfigurableApplicationContext context = this.modules.running(module);
			if (context != null) {
				context.getBeanProvider(PrometheusRegistry.class).ifAvailable((registry) -> scrapes.add(registry.scrape()));
			}
		}
		ExpositionFormatWriter writer = this.formats.findWriter(accept);
		ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
		writer.write(body, merge(scrapes), EscapingScheme.fromAcceptHeader(accept));
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, writer.getContentType()).body(body.toByteArray());
	}

	/**
	 * The families of several scrapes as one: the data points of equally named families together, under
	 * the first one's metadata. The series must differ by their labels (the {@code application} tag).
	 */
	static MetricSnapshots merge(List<MetricSnapshots> scrapes) {
		Map<String, List<MetricSnapshot>> byName = new LinkedHashMap<>();
		for (MetricSnapshots scrape : scrapes) {
			for (MetricSnapshot family : scrape) {
				byName.computeIfAbsent(family.getMetadata().getPrometheusName(), (name) -> new ArrayList<>()).add(family);
			}
		}
		List<MetricSnapshot> merged = new ArrayList<>(byName.size());
		for (List<MetricSnapshot> families : byName.values()) {
			merged.add((families.size() == 1) ? families.get(0) : combine(families));
		}
		return new MetricSnapshots(merged);
	}

	private static MetricSnapshot combine(List<MetricSnapshot> families) {
		MetricSnapshot first = families.get(0);
		if (first instanceof CounterSnapshot) {
			return new CounterSnapshot(first.getMetadata(), points(families, CounterDataPointSnapshot.class));
		}
		if (first instanceof GaugeSnapshot) {
			return new GaugeSnapshot(first.getMetadata(), points(families, GaugeDataPointSnapshot.class));
		}
		if (first instanceof HistogramSnapshot histogram) {
			return new HistogramSnapshot(histogram.isGaugeHistogram(), first.getMetadata(),
					points(families, HistogramDataPointSnapshot.class));
		}
		if (first instanceof SummarySnapshot) {
			return new SummarySnapshot(first.getMetadata(), points(families, SummaryDataPointSnapshot.class));
		}
		if (first instanceof InfoSnapshot) {
			return new InfoSnapshot(first.getMetadata(), points(families, InfoDataPointSnapshot.class));
		}
		if (first instanceof StateSetSnapshot) {
			return new StateSetSnapshot(first.getMetadata(), points(families, StateSetDataPointSnapshot.class));
		}
		if (first instanceof UnknownSnapshot) {
			return new UnknownSnapshot(first.getMetadata(), points(families, UnknownDataPointSnapshot.class));
		}
		throw new IllegalStateException("unknown metric type " + first.getClass().getName());
	}

	/** The data points of every family of one name; a family of another type under that name is a bug. */
	private static <T extends DataPointSnapshot> List<T> points(List<MetricSnapshot> families, Class<T> type) {
		List<T> points = new ArrayList<>();
		for (MetricSnapshot family : families) {
			for (DataPointSnapshot point : family.getDataPoints()) {
				points.add(type.cast(point));
			}
		}
		return points;
	}
}
