package org.instaclone.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instaclone.deploychecks.Repo.at;
import static org.instaclone.deploychecks.Repo.list;
import static org.instaclone.deploychecks.Repo.map;
import static org.instaclone.deploychecks.Repo.str;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml is valid for Compose (checked with Debian's docker-compose 1.29, so it also
 * avoids v2-only keys) and follows the rules: healthchecks, service_healthy dependencies, memory
 * limits, pinned images, a volume per database, profiles for the optional parts (observability, the
 * monolith twin), no host port published twice.
 */
class ComposeTests {

	/** docker-compose.yml requires INTEGRATIONS_SECRET_KEY (no default); any value does for {@code config}. */
	static final String TEST_SECRET_KEY = "bG9jYWwtdGVzdC1rZXktMzItYnl0ZXMtbG9uZyEhISE=";

	@Test
	void composeAcceptsTheFileWithAndWithoutObservabilityAndWithTheMonolith() {
		String compose = compose();
		for (String profiles : List.of("observability", "app", "monolith")) {
			Tools.Result result = Tools.run(List.of(compose, "-f", "docker-compose.yml", "config", "-q"),
					Map.of("COMPOSE_PROFILES", profiles, "INTEGRATIONS_SECRET_KEY", TEST_SECRET_KEY));
			assertThat(result.exit()).as("COMPOSE_PROFILES=" + profiles + ": " + result.output()).isZero();
		}
	}

	@Test
	void composeRefusesToStartWithoutTheWebhookSecretKeyAndSaysWhy() {
		// empty counts as missing for ${VAR:?}, whatever the environment running the check holds
		Tools.Result result = Tools.run(List.of(compose(), "-f", "docker-compose.yml", "config", "-q"),
				Map.of("COMPOSE_PROFILES", "app", "INTEGRATIONS_SECRET_KEY", ""));
		assertThat(result.exit()).isNotZero();
		assertThat(result.output()).contains("set INTEGRATIONS_SECRET_KEY to base64 of 32 random bytes");
	}

	@Test
	void composeRejectsAnInvalidFile() throws IOException {
		Path broken = Repo.file("deploy-checks/target/broken-compose.yml");
		Files.createDirectories(broken.getParent());
		Files.writeString(broken, Repo.read("docker-compose.yml").replace("    ports: [\"8080:8080\"]", "    portz: [\"8080:8080\"]"));

		Tools.Result result = Tools.run(List.of(compose(), "-f", broken.toString(), "config", "-q"),
				Map.of("INTEGRATIONS_SECRET_KEY", TEST_SECRET_KEY));

		assertThat(result.exit()).isNotZero();
		assertThat(result.output()).contains("portz");
	}

	@Test
	void everyContainerIsHealthCheckedLimitedAndPinned() {
		Map<String, Object> services = map(Repo.yaml("docker-compose.yml").get("services"));
		SoftAssertions softly = new SoftAssertions();
		services.forEach((name, value) -> {
			Map<String, Object> service = map(value);
			String image = str(service, "image");
			softly.assertThat(image).as(name + " image pinned by tag").matches(".+:[^:]+").doesNotEndWith(":latest");
			softly.assertThat(service.get("mem_limit")).as(name + " mem_limit").isNotNull();
			if (!List.of("tempo").contains(name)) {
				softly.assertThat(list(at(service, "healthcheck.test"))).as(name + " healthcheck").isNotEmpty();
			}
			map(service.get("depends_on")).forEach((dependency, condition) -> softly.assertThat(str(map(condition), "condition"))
				.as(name + " waits for " + dependency + " to be healthy").isEqualTo("service_healthy"));
			if (name.endsWith("-db")) {
				softly.assertThat(list(service.get("volumes"))).as(name + " keeps its data in a volume")
					.anySatisfy(v -> assertThat(v.toString()).endsWith(":/var/lib/postgresql/data"));
			}
		});
		for (String app : Repo.APPS) {
			Map<String, Object> service = map(services.get(app));
			Map<String, Object> dependsOn = map(service.get("depends_on"));
			softly.assertThat(service.get("profiles")).as(app + " belongs to every profile").isNull();
			if (!app.equals("gateway")) {
				softly.assertThat(dependsOn).as(app + " waits for Kafka and its database")
					.containsKeys("kafka", app.replace("-service", "") + "-db");
			}
		}
		softly.assertThat(map(services.get("gateway")).get("depends_on")).as("the gateway waits for every service")
			.satisfies(d -> assertThat(map(d)).containsOnlyKeys(Repo.APPS.subList(1, Repo.APPS.size())));
		for (String observability : List.of("prometheus", "grafana", "tempo")) {
			softly.assertThat(list(map(services.get(observability)).get("profiles"))).as(observability + " profile")
				.containsExactly("observability");
		}
		// the monolith twin and its database start only when asked for (docker compose --profile monolith up monolith)
		for (String monolith : List.of(Repo.MONOLITH, "monolith-db")) {
			softly.assertThat(list(map(services.get(monolith)).get("profiles"))).as(monolith + " profile").containsExactly("monolith");
		}
		// both shapes can run side by side: no host port is published twice (the gateway's 8080, the monolith's own)
		Map<String, String> hostPorts = new HashMap<>();
		services.forEach((name, value) -> list(map(value).get("ports")).forEach(port -> {
			String published = port.toString().substring(0, port.toString().lastIndexOf(':'));
			String other = hostPorts.put(published, name);
			softly.assertThat(other).as("host port " + published + " of " + name + " is also " + other + "'s").isNull();
		}));
		softly.assertThat(hostPorts).as("the gateway's and the monolith's host ports").containsEntry("8080", "gateway")
			.containsValue(Repo.MONOLITH);
		softly.assertAll();
		assertThat(Repo.read(".env")).contains("COMPOSE_PROFILES=observability");
	}

	private static String compose() {
		return Tools.require("DOCKER_COMPOSE", "docker-compose", "apt-get install docker-compose");
	}
}
