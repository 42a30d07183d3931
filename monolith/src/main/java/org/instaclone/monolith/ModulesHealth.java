package org.instaclone.monolith;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monolith's health, at the paths a microservice answers them ({@code /actuator/health},
 * {@code /actuator/health/liveness}, {@code /actuator/health/readiness}), so the same probes work for
 * either deployment. Each module keeps its own health endpoint (its database check included); this asks
 * each of them, in the same JVM, and answers with one status per module: UP only when all five are up,
 * else 503 with the ones that are not. Liveness is the process's own: it answers while Tomcat does; a
 * module that is down makes the monolith unready, not dead (a restart would not fix its database).
 */
@RestController
final class ModulesHealth {

	private static final MediaType HEALTH = MediaType.parseMediaType("application/vnd.spring-boot.actuator.v3+json");

	private final ModuleContexts modules;

	ModulesHealth(ModuleContexts modules) {
		this.modules = modules;
	}

	@GetMapping("/actuator/health/liveness")
	ResponseEntity<Map<String, Object>> liveness() {
		return ResponseEntity.ok().contentType(HEALTH).body(Map.of("status", Status.UP.getCode()));
	}

	@GetMapping("/actuator/health/readiness")
	ResponseEntity<Map<String, Object>> readiness() {
		return aggregate("readiness");
	}

	@GetMapping("/actuator/health")
	ResponseEntity<Map<String, Object>> health() {
		return aggregate(null);
	}

	private ResponseEntity<Map<String, Object>> aggregate(@Nullable String group) {
		Map<String, Object> components = new LinkedHashMap<>();
		boolean up = true;
		for (Module module : Module.ALL) {
			Status status = statusOf(this.modules.running(module), group);
			up &= Status.UP.equals(status);
			components.put(module.name(), Map.of("status", status.getCode()));
		}
		Status overall = up ? Status.UP : Status.OUT_OF_SERVICE;
		return ResponseEntity.status(up ? 200 : 503)
			.contentType(HEALTH)
			.body(Map.of("status", overall.getCode(), "components", components));
	}

	/** A module not started (yet, or any more) is out of service; one whose endpoint cannot answer is down. */
	private static Status statusOf(@Nullable ConfigurableApplicationContext context, @Nullable String group) {
		if (context == null) {
			return Status.OUT_OF_SERVICE;
		}
		try {
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
			HealthDescriptor health = (group != null) ? endpoint.healthForPath(group) : endpoint.health();
			return (health != null) ? health.getStatus() : Status.UNKNOWN;
		}
		catch (RuntimeException ex) {
			return Status.DOWN;
		}
	}
}
