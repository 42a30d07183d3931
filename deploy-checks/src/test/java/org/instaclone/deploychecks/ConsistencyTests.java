package org.instaclone.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instaclone.deploychecks.Manifests.name;
import static org.instaclone.deploychecks.Manifests.podSpec;
import static org.instaclone.deploychecks.Repo.at;
import static org.instaclone.deploychecks.Repo.list;
import static org.instaclone.deploychecks.Repo.map;
import static org.instaclone.deploychecks.Repo.maps;
import static org.instaclone.deploychecks.Repo.str;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Compose, Kubernetes, the Dockerfile and the services agree: the same services everywhere, the same
 * port and actuator paths, the same environment variable names (and values, but for secrets), each of
 * which the service actually reads, and the same image names.
 */
class ConsistencyTests {

	/** {@code ${NAME} or ${NAME:default}} in a service's application.yml. */
	static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

	/**
	 * Variables that Spring binds to properties without a placeholder (relaxed binding):
	 * instaclone.security.* (service-defaults' SecurityProperties) and management.* (actuator).
	 */
	static final List<String> BOUND_PREFIXES = List.of("INSTACLONE_SECURITY_", "MANAGEMENT_");

	@Test
	void theSameServicesAreEverywhere() throws IOException {
		Set<String> modules = new TreeSet<>();
		try (Stream<Path> dirs = Files.list(Repo.root())) {
			dirs.filter(d -> Files.exists(d.resolve("src/main/resources/application.yml")))
				.forEach(d -> modules.add(d.getFileName().toString()));
		}
		Map<String, Object> services = composeServices();
		Set<String> built = new TreeSet<>();
		services.forEach((name, s) -> {
			if (at(map(s), "build.args.MODULE") != null) {
				built.add(str(map(s), "build.args.MODULE"));
				assertThat(name).as("compose service name = module name").isEqualTo(str(map(s), "build.args.MODULE"));
			}
		});
		Set<String> apps = new TreeSet<>(Repo.APPS);
		assertThat(modules).as("modules with an application.yml").isEqualTo(apps);
		assertThat(built).as("compose services built from the Dockerfile").isEqualTo(new TreeSet<>(Repo.IMAGES));
		for (String overlay : Repo.OVERLAYS) {
			assertThat(Manifests.of(overlay).apps()).extracting(Manifests::name)
				.containsExactlyInAnyOrderElementsOf(Repo.apps(overlay));
			for (String app : Repo.apps(overlay)) {
				Manifests.of(overlay).named("Service", app);
				Manifests.of(overlay).named("ConfigMap", app + "-config");
			}
		}
		String base = Repo.read("k8s/base/kustomization.yaml");
		apps.forEach(app -> assertThat(base).contains("- " + app + ".yaml"));
		assertThat(Repo.read("k8s/monolith/kustomization.yaml")).contains("- " + Repo.MONOLITH + ".yaml");
		String composePrometheus = Repo.read("deploy/compose/prometheus.yml");
		String k8sPrometheus = Repo.read("k8s/components/observability/prometheus/prometheus.yml");
		for (String app : apps) {
			assertThat(composePrometheus).as("compose Prometheus scrapes " + app).containsPattern("[\\[ ]" + app + "[,\\]]");
			assertThat(k8sPrometheus).as("Kubernetes Prometheus scrapes " + app).contains(app + "-metrics");
			Manifests.of("local").named("Service", app + "-metrics");
		}
	}

	/**
	 * The monolith twin is the same five services in one process with one PostgreSQL: its compose
	 * service and its overlay run that and nothing of the microservices' platform (no Kafka, no gateway,
	 * no per-service database), and its module is started by its own main class.
	 */
	@Test
	void theMonolithRunsAloneWithItsOneDatabase() {
		Manifests monolith = Manifests.of(Repo.MONOLITH);
		assertThat(monolith.workloads()).extracting(w -> w.get("kind") + "/" + name(w))
			.containsExactlyInAnyOrder("Deployment/monolith", "StatefulSet/monolith-db");
		assertThat(monolith.kind("Service")).extracting(Manifests::name).containsExactlyInAnyOrder("monolith", "monolith-db");
		Map<String, Object> compose = map(composeServices().get(Repo.MONOLITH));
		assertThat(map(compose.get("depends_on"))).as("compose: the monolith waits for its database only")
			.containsOnlyKeys("monolith-db");
		assertThat(composeEnvironment(Repo.MONOLITH)).as("no broker, no gateway, no other service to call")
			.doesNotContainKeys("KAFKA_BOOTSTRAP_SERVERS", "INSTACLONE_SECURITY_JWKS_URI")
			.containsEntry("POSTGRES_URL", "jdbc:postgresql://monolith-db:5432/instaclone");
		assertThat(Repo.read("monolith/pom.xml")).as("java -jar starts the monolith")
			.contains("<mainClass>org.instaclone.monolith.MonolithApplication</mainClass>");
	}

	@Test
	void composeAndKubernetesSetTheSameVariablesToTheSameValues() {
		SoftAssertions softly = new SoftAssertions();
		for (String overlay : Repo.OVERLAYS) {
			for (String app : Repo.apps(overlay)) {
				Map<String, String> compose = composeEnvironment(app);
				Map<String, String> k8s = kubernetesEnvironment(Manifests.of(overlay), app);
				softly.assertThat(new TreeSet<>(k8s.keySet())).as(overlay + " " + app + " variable names").isEqualTo(new TreeSet<>(compose.keySet()));
				compose.forEach((key, value) -> {
					// secrets: compose carries a local default, Kubernetes a Secret reference (checked below)
					if (!key.endsWith("PASSWORD") && !key.endsWith("SECRET_KEY")) {
						softly.assertThat(k8s.get(key)).as(overlay + " " + app + " " + key).isEqualTo(value);
					}
				});
				softly.assertThat(k8s.get("POSTGRES_PASSWORD")).as(overlay + " " + app + " password from a Secret")
					.isIn(null, "<secret:" + app + "-db/password>");
				if (compose.containsKey("INTEGRATIONS_SECRET_KEY")) {
					softly.assertThat(k8s.get("INTEGRATIONS_SECRET_KEY"))
						.as(overlay + " " + app + " webhook-secret encryption key from a Secret, never the public dev key")
						.isEqualTo("<secret:integrations-service-secret-key/key>");
				}
			}
		}
		softly.assertAll();
	}

	@Test
	void everyVariableIsReadByItsServiceAndEveryLocalDefaultIsOverridden() {
		SoftAssertions softly = new SoftAssertions();
		for (String app : Repo.IMAGES) {
			Map<String, String> placeholders = placeholders(configOf(app));
			// the monolith's modules read their services' application.yml as well (their local defaults
			// are replaced by the monolith itself: schema, data folders, JWKS address; docs/monolith.md)
			Set<String> readByModules = new HashSet<>();
			if (app.equals(Repo.MONOLITH)) {
				Repo.APPS.stream().filter(a -> !a.equals("gateway")).forEach(a -> readByModules.addAll(placeholders(configOf(a)).keySet()));
			}
			Set<String> set = composeEnvironment(app).keySet();
			for (String variable : set) {
				boolean read = placeholders.containsKey(variable) || readByModules.contains(variable)
						|| BOUND_PREFIXES.stream().anyMatch(variable::startsWith);
				softly.assertThat(read).as(app + " reads " + variable + " (a ${" + variable + "} in " + configOf(app) + ")").isTrue();
			}
			placeholders.forEach((variable, fallback) -> {
				boolean localOnly = fallback.contains("localhost") || fallback.contains("127.0.0.1")
						|| (fallback.contains("/") && !fallback.startsWith("/") && !fallback.contains("://"))
						|| (fallback.isEmpty() && variable.endsWith("PASSWORD"));
				if (localOnly) {
					softly.assertThat(set).as(app + ": " + variable + " defaults to a local value (" + fallback
							+ "), so compose and Kubernetes must set it").contains(variable);
				}
			});
		}
		softly.assertAll();
	}

	/** The configuration file a deployable reads its variables in: the monolith's own, or the service's application.yml. */
	static String configOf(String app) {
		return app + "/src/main/resources/" + (app.equals(Repo.MONOLITH) ? "monolith.yml" : "application.yml");
	}

	static Map<String, String> placeholders(String file) {
		Map<String, String> placeholders = new LinkedHashMap<>();
		Matcher m = PLACEHOLDER.matcher(Repo.read(file));
		while (m.find()) {
			placeholders.putIfAbsent(m.group(1), m.group(2) == null ? "" : m.group(2));
		}
		return placeholders;
	}

	@Test
	void portsActuatorPathsAndUsersAgree() {
		SoftAssertions softly = new SoftAssertions();
		String dockerfile = Repo.read("Dockerfile");
		String healthcheck = Repo.read("deploy/docker/healthcheck");
		softly.assertThat(dockerfile).contains("SERVER_PORT=8080").contains("EXPOSE 8080").contains("USER 10001:10001")
			.contains("HEALTHCHECK").contains("/usr/local/bin/healthcheck");
		softly.assertThat(healthcheck).contains("${SERVER_PORT:-8080}").contains("/actuator/health/readiness");
		for (String app : Repo.IMAGES) {
			softly.assertThat(composeEnvironment(app)).as("compose " + app).containsEntry("SERVER_PORT", "8080");
			softly.assertThat(list(at(map(composeServices().get(app)), "healthcheck.test"))).as("compose " + app + " healthcheck")
				.contains("/usr/local/bin/healthcheck");
			for (String overlay : Repo.OVERLAYS.stream().filter(o -> Repo.apps(o).contains(app)).toList()) {
				Manifests manifests = Manifests.of(overlay);
				Map<String, Object> deployment = manifests.named("Deployment", app);
				Map<String, Object> container = maps(podSpec(deployment).get("containers")).get(0);
				softly.assertThat(kubernetesEnvironment(manifests, app)).containsEntry("SERVER_PORT", "8080");
				softly.assertThat(maps(container.get("ports"))).as(overlay + " " + app + " port")
					.containsExactly(Map.of("name", "http", "containerPort", 8080));
				softly.assertThat(maps(at(manifests.named("Service", app), "spec.ports"))).as(overlay + " " + app + " Service")
					.allSatisfy(p -> assertThat(p).containsEntry("port", 8080).containsEntry("targetPort", "http"));
				for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
					softly.assertThat(at(map(container.get(probe)), "httpGet.port")).as(overlay + " " + app + " " + probe + " port").isEqualTo("http");
				}
				softly.assertThat(at(podSpec(deployment), "securityContext.runAsUser")).as(overlay + " " + app + " UID = the image's")
					.isEqualTo(10001);
			}
		}
		for (String prometheus : List.of("deploy/compose/prometheus.yml", "k8s/components/observability/prometheus/prometheus.yml")) {
			Map<String, Object> job = maps(Repo.yaml(prometheus).get("scrape_configs")).get(0);
			softly.assertThat(job.get("metrics_path")).as(prometheus).isEqualTo("/actuator/prometheus");
			softly.assertThat(maps(job.get("dns_sd_configs")).get(0).get("port")).as(prometheus).isEqualTo(8080);
		}
		// what the probes and Prometheus rely on is switched on in the services themselves
		String defaults = Repo.read("service-defaults/src/main/java/org/instaclone/platform/web/ServiceDefaultsEnvironmentPostProcessor.java");
		softly.assertThat(defaults).contains("\"management.endpoints.web.exposure.include\", \"health,info,prometheus")
			.contains("\"management.endpoint.health.probes.enabled\", \"true\"")
			.contains("\"management.endpoint.health.group.liveness.include\", \"livenessState\"")
			.contains("\"server.shutdown\", \"graceful\"");
		Map<String, Object> gateway = Repo.yaml("gateway/src/main/resources/application.yml");
		softly.assertThat(str(gateway, "management.endpoints.web.exposure.include")).contains("prometheus");
		softly.assertThat(at(gateway, "management.endpoint.health.probes.enabled")).isEqualTo(true);
		softly.assertThat(str(gateway, "management.endpoint.health.group.liveness.include")).isEqualTo("livenessState");
		softly.assertThat(str(gateway, "server.shutdown")).isEqualTo("graceful");
		softly.assertAll();
	}

	@Test
	void imagesAndHostNamesAgree() {
		SoftAssertions softly = new SoftAssertions();
		Map<String, Object> services = composeServices();
		String prodOverlay = Repo.read("k8s/overlays/prod/kustomization.yaml");
		for (String app : Repo.IMAGES) {
			// the overlay that runs the app from locally built images: local, or the monolith's own
			String overlay = app.equals(Repo.MONOLITH) ? Repo.MONOLITH : "local";
			softly.assertThat(str(map(services.get(app)), "image")).isEqualTo("instaclone/" + app + ":${INSTACLONE_VERSION:-0.1.0}");
			softly.assertThat(str(maps(podSpec(Manifests.of(overlay).named("Deployment", app)).get("containers")).get(0), "image"))
				.isEqualTo("instaclone/" + app + ":0.1.0");
			softly.assertThat(Repo.read("k8s/overlays/" + overlay + "/kustomization.yaml"))
				.contains("name: instaclone/" + app + ", newTag: 0.1.0");
		}
		for (String app : Repo.APPS) {
			softly.assertThat(prodOverlay).contains("name: instaclone/" + app + ", newName: ");
		}
		// every host name a deployable is pointed at exists in compose and as a Kubernetes Service of its overlay
		Pattern host = Pattern.compile("^(?:jdbc:postgresql|https?)://([a-z0-9-]+):\\d+|^([a-z0-9-]+):\\d+$");
		for (String app : Repo.IMAGES) {
			Set<String> k8sServices = new HashSet<>();
			Manifests.of(app.equals(Repo.MONOLITH) ? Repo.MONOLITH : "local").kind("Service").forEach(s -> k8sServices.add(name(s)));
			composeEnvironment(app).forEach((key, value) -> {
				Matcher m = host.matcher(value);
				if (m.find()) {
					String hostName = m.group(1) != null ? m.group(1) : m.group(2);
					softly.assertThat(services).as(app + " " + key + " -> compose service " + hostName).containsKey(hostName);
					softly.assertThat(k8sServices).as(app + " " + key + " -> Kubernetes Service " + hostName).contains(hostName);
				}
			});
		}
		// Grafana's datasources (one file for both) name hosts that exist in compose and Kubernetes
		for (Map<String, Object> datasource : maps(Repo.yaml("k8s/components/observability/grafana/datasources.yaml").get("datasources"))) {
			Matcher m = Pattern.compile("^https?://([a-z0-9-]+):(\\d+)$").matcher(str(datasource, "url"));
			softly.assertThat(m.matches()).as("datasource url " + datasource.get("url")).isTrue();
			if (m.matches()) {
				softly.assertThat(services).as("compose service " + m.group(1)).containsKey(m.group(1));
				softly.assertThat(maps(at(Manifests.of("local").named("Service", m.group(1)), "spec.ports")))
					.as("Kubernetes Service " + m.group(1) + " port " + m.group(2))
					.anySatisfy(p -> assertThat(p.get("port")).isEqualTo(Integer.parseInt(m.group(2))));
			}
		}
		// the base images are pinned to an exact release
		softly.assertThat(Pattern.compile("^ARG J[DR][KE]_IMAGE=eclipse-temurin:25\\.\\d+\\.\\d+_\\d+-j[dr][ke]-[a-z]+$", Pattern.MULTILINE)
			.matcher(Repo.read("Dockerfile")).results().count()).as("Dockerfile base images pinned by release tag").isEqualTo(2);
		softly.assertAll();
	}

	static Map<String, Object> composeServices() {
		return map(Repo.yaml("docker-compose.yml").get("services"));
	}

	static Map<String, String> composeEnvironment(String app) {
		Map<String, String> env = new TreeMap<>();
		map(map(composeServices().get(app)).get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
		return env;
	}

	/** ConfigMap (envFrom) and env entries of the app's container; Secret references as a marker. */
	static Map<String, String> kubernetesEnvironment(Manifests manifests, String app) {
		Map<String, Object> container = maps(podSpec(manifests.named("Deployment", app)).get("containers")).get(0);
		Map<String, String> env = new TreeMap<>();
		for (Map<String, Object> source : maps(container.get("envFrom"))) {
			String configMap = str(source, "configMapRef.name");
			Map<String, Object> cm = manifests.kind("ConfigMap").stream()
				.filter(c -> name(c).equals(configMap))
				.findFirst()
				.orElseThrow(() -> new AssertionError(app + ": no ConfigMap " + configMap));
			map(cm.get("data")).forEach((k, v) -> env.put(k, String.valueOf(v)));
		}
		for (Map<String, Object> variable : maps(container.get("env"))) {
			Object secret = at(variable, "valueFrom.secretKeyRef.name");
			env.put(str(variable, "name"), secret != null
					? "<secret:" + secret + "/" + str(variable, "valueFrom.secretKeyRef.key") + ">"
					: str(variable, "value"));
		}
		return env;
	}
}
