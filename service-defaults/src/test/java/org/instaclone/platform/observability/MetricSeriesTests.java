package org.instaclone.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.instaclone.platform.fault.FaultInjectionTests;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The series budget against a flood of distinct URLs over real HTTP: a minimal service (the shared
 * plumbing without database and broker) answers every kind of request once, then 2,000 more with a
 * fresh handle, id or unknown path each (200, 404, 401, 405), and its {@code /actuator/prometheus} has
 * exactly the series it had before: the {@code uri} tag is the handler's template or a constant, never
 * the path that was asked for.
 */
@SpringBootTest(classes = MetricSeriesTests.Service.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "instaclone.security.public-paths=/api/users/**,/api/nowhere/**", "spring.application.name=series",
				FaultInjectionTests.READINESS_WITHOUT_DATABASE, FaultInjectionTests.NO_DATABASE_NO_BROKER })
class MetricSeriesTests {

	private static final Pattern URI_TAG = Pattern.compile("^http_server_requests_seconds_count\\{.*uri=\"([^\"]*)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void distinctPathsAndHandlesAddNoSeries() throws Exception {
		floodOfDistinctRequests(3);
		String before = scrape();
		floodOfDistinctRequests(500);
		String after = scrape();

		assertThat(series(after)).as("series after 2,000 distinct URLs").isEqualTo(series(before));
		assertThat(uriTags(after)).isSubsetOf("/api/users/{handle}", "/api/users/{handle}/posts/{id}", "/**",
				"NOT_FOUND", "UNKNOWN", "/actuator/prometheus");
		assertThat(count(after, "http_server_requests_seconds_bucket")).as("the SLO buckets are published")
			.isPositive();
		assertThat(count(after, "http_server_requests_active")).as("no in-flight long task timer").isZero();
		assertThat(after.lines().filter(line -> !line.startsWith("#")).count()).isLessThan(1_000);
	}

	private void floodOfDistinctRequests(int rounds) throws IOException, InterruptedException {
		for (int i = 0; i < rounds; i++) {
			String handle = "user_" + UUID.randomUUID().toString().substring(0, 8);
			assertThat(get("/api/users/" + handle)).isEqualTo(200);
			assertThat(get("/api/users/" + handle + "/posts/" + UUID.randomUUID())).isEqualTo(200);
			assertThat(get("/api/nowhere/" + UUID.randomUUID())).isEqualTo(404);
			assertThat(get("/api/private/" + UUID.randomUUID())).isEqualTo(401);
			assertThat(send(HttpRequest.newBuilder(url("/api/users/" + handle)).DELETE())).isEqualTo(405);
		}
	}

	private int get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(url(path)).GET());
	}

	private int send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private String scrape() throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(url("/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/**
	 * Series in a Prometheus text exposition: its sample lines, without the scrape's own request and
	 * the JVM's (a garbage collection during the flood may add a pause cause).
	 */
	static Set<String> series(String exposition) {
		Set<String> series = new TreeSet<>();
		exposition.lines()
			.filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("jvm_"))
			.map(line -> line.substring(0, line.lastIndexOf(' ')))
			.filter(name -> !name.contains("uri=\"/actuator/prometheus\""))
			.forEach(series::add);
		return series;
	}

	private static Set<String> uriTags(String exposition) {
		Set<String> uris = new TreeSet<>();
		exposition.lines().map(URI_TAG::matcher).filter(Matcher::find).forEach(m -> uris.add(m.group(1)));
		return uris;
	}

	private static long count(String exposition, String prefix) {
		return exposition.lines().filter(line -> line.startsWith(prefix)).count();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Service {

		@RestController
		static class Users {

			@GetMapping("/api/users/{handle}")
			String user(@PathVariable String handle) {
				return handle;
			}

			@GetMapping("/api/users/{handle}/posts/{id}")
			String post(@PathVariable String handle, @PathVariable UUID id) {
				return id.toString();
			}
		}
	}
}
