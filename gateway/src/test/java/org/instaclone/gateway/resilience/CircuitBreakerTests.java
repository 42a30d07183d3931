package org.instaclone.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.instaclone.gateway.Prometheus;
import org.instaclone.gateway.Misbehaving;
import org.instaclone.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The per-service breakers against a stand-in that fails or slows down on request, with small
 * thresholds (a window of 4 calls, open for 2 s, 2 trial calls): a failing service's requests are
 * answered 503 with {@code Retry-After} at once and no longer reach it, the other services are not
 * affected, the state shows in the metrics, and the breaker closes by itself once the service is
 * healthy again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(CircuitBreakerTests.Upstream.class)
class CircuitBreakerTests {

	static final Misbehaving SERVICE = new Misbehaving();

	@Autowired
	WebTestClient client;

	private final String token = TestTokens.accessToken(UUID.randomUUID(), "ada");

	@AfterEach
	void healthyAgain() {
		Misbehaving.mode = "ok";
	}

	@AfterAll
	static void stop() {
		SERVICE.stop();
	}

	@Test
	void opensAfterRepeatedFailuresAnswersAtOnceWithRetryAfterAndClosesByItself() throws InterruptedException {
		Misbehaving.mode = "fail";
		for (int i = 0; i < 4; i++) {
			// the service's own 500 still reaches the client while the breaker counts it
			get("/api/posts/switch").expectStatus().isEqualTo(500);
		}
		assertThat(SERVICE.hits("/api/posts/switch")).isEqualTo(4);

		long started = System.nanoTime();
		EntityExchangeResult<byte[]> open = get("/api/posts/switch").expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://instaclone.dev/problems/service-unavailable")
			.jsonPath("$.detail")
			.value(detail -> assertThat(detail.toString()).contains("upload-service"))
			.returnResult();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered without calling the service")
			.isLessThan(Duration.ofSeconds(1));
		assertThat(open.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isIn("1", "2");
		assertThat(SERVICE.hits("/api/posts/switch")).as("not forwarded while open").isEqualTo(4);
		assertThat(state("upload-service", "open")).isEqualTo(1.0);

		// the other services behind the gateway are not affected
		get("/api/users/ok").expectStatus().isOk();

		// healthy again: after the wait, trial calls go through and close the breaker
		Misbehaving.mode = "ok";
		Thread.sleep(2_200);
		get("/api/posts/switch").expectStatus().isOk();
		get("/api/posts/switch").expectStatus().isOk();
		assertThat(state("upload-service", "closed")).isEqualTo(1.0);
		get("/api/posts/switch").expectStatus().isOk();
	}

	@Test
	void anOpenBreakerOnAdsServiceStillAnswersPlacementsWithNoAds() {
		Misbehaving.mode = "fail";
		for (int i = 0; i < 4; i++) {
			expectNoAds();
		}
		assertThat(state("ads-service", "open")).isEqualTo(1.0);
		long started = System.nanoTime();
		expectNoAds();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
		assertThat(SERVICE.hits("/api/ads/placements")).as("not forwarded while open").isEqualTo(4);
	}

	private void expectNoAds() {
		get("/api/ads/placements?slots=3").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Instaclone-Degraded", "ads")
			.expectBody()
			.json("{\"placements\":[]}");
	}

	@Test
	void opensWhenTheServiceAnswersTooSlowly() {
		for (int i = 0; i < 4; i++) {
			get("/api/integrations/slow-400").expectStatus().isOk();
		}
		get("/api/integrations/slow-400").expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER);
		assertThat(SERVICE.hits("/api/integrations/slow-400")).isEqualTo(4);
		assertThat(state("integrations-service", "open")).isEqualTo(1.0);
	}

	private WebTestClient.ResponseSpec get(String path) {
		return this.client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token).exchange();
	}

	/** The value of {@code resilience4j_circuitbreaker_state} for a breaker and state (1 = current). */
	private double state(String name, String state) {
		String metrics = Prometheus.scrape(this.client);
		return metrics.lines()
			.filter(line -> line.startsWith("resilience4j_circuitbreaker_state{") && line.contains("name=\"" + name + "\"")
					&& line.contains("state=\"" + state + "\""))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no state metric for " + name + " " + state + " in:\n" + metrics));
	}

	/** Every service at the stand-in, and small breaker thresholds. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Upstream {

		@Bean
		DynamicPropertyRegistrar misbehavingUpstream() {
			return registry -> {
				Misbehaving.routeEverythingTo(registry, SERVICE::url);
				registry.add("resilience4j.circuitbreaker.configs.default.sliding-window-size", () -> "4");
				registry.add("resilience4j.circuitbreaker.configs.default.minimum-number-of-calls", () -> "4");
				registry.add("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", () -> "2s");
				registry.add("resilience4j.circuitbreaker.configs.default.permitted-number-of-calls-in-half-open-state",
						() -> "2");
				registry.add("resilience4j.circuitbreaker.configs.default.slow-call-duration-threshold", () -> "300ms");
			};
		}
	}
}
