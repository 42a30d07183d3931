package org.instaclone.platform.web;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.instaclone.platform.fault.FaultInjectionTests;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A real service (Tomcat on a random port) stopped with the drain on: while it stops, readiness answers
 * 503 and the API still answers 200, over a fresh connection too; then it is gone.
 */
class ShutdownDrainTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void keepsServingWhileReadinessIsDownThenStops() throws Exception {
		ConfigurableApplicationContext context = start("instaclone.shutdown.drain=2s");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);

		CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
		int readiness = 200;
		while (readiness == 200 && System.nanoTime() < deadline) {
			readiness = status(port, "/actuator/health/readiness");
		}
		assertThat(readiness).as("readiness once the stop began").isEqualTo(503);
		assertThat(status(port, "/api/ping")).as("the API while draining").isEqualTo(200);
		assertThat(closing).as("still draining").isNotDone();

		closing.get(30, TimeUnit.SECONDS);
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> status(port, "/api/ping"));
	}

	@Test
	void offByDefault() throws Exception {
		ConfigurableApplicationContext context = start();
		long start = System.nanoTime();
		context.close();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	private static ConfigurableApplicationContext start(String... properties) {
		// as command-line arguments: they must win over service-defaults' own defaults (readiness includes db)
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.application.name=draining",
				"--instaclone.security.public-paths=/api/ping",
				"--" + FaultInjectionTests.READINESS_WITHOUT_DATABASE, "--" + FaultInjectionTests.NO_DATABASE_NO_BROKER));
		for (String property : properties) {
			args.add("--" + property);
		}
		return new SpringApplicationBuilder(Service.class).run(args.toArray(String[]::new));
	}

	private int status(int port, String path) throws IOException, InterruptedException {
		// a new connection each time: the drain must serve new connections, not only kept-alive ones
		HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(5))
			.build();
		return fresh.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class Service {

		@GetMapping("/api/ping")
		String ping() {
			return "pong";
		}
	}
}
