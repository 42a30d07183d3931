package org.instaclone.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.instaclone.gateway.Misbehaving;
import org.instaclone.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * follow-service slowed by 3 s, with the production settings (read timeout 800 ms, a window of 20
 * calls judged from 10, slow calls from 2 s; the general response timeout 5 s here): a profile read
 * is answered with the 504 {@code upstream-timeout} problem within 1 s, each timeout counts as a
 * failure, so after the breaker's minimum of 10 calls it opens on the failure rate alone and the next
 * read is a 503 at once. A write to follow-service (sign-in hashes a password) is not held to the
 * read timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(SlowFollowServiceTests.Upstream.class)
// the breaker test last: the stand-in is still busy with the 3 s requests the gateway gave up on
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlowFollowServiceTests {

	static final Misbehaving SERVICE = new Misbehaving();

	@Autowired
	WebTestClient client;

	private final String token = TestTokens.accessToken(UUID.randomUUID(), "ada");

	@Autowired
	CircuitBreakerRegistry breakers;

	@BeforeEach
	void closedBreaker() {
		this.breakers.circuitBreaker("follow-service").reset();
	}

	@AfterAll
	static void stop() {
		SERVICE.stop();
	}

	@Test
	@Order(2)
	void aSlowProfileReadIsA504WithinASecondAndTheBreakerOpensAfterItsMinimumCalls() {
		// a first request pays for the new context's first token check and connection, not for the timeout
		get("/api/users/ada/ok").expectStatus().isOk();
		this.breakers.circuitBreaker("follow-service").reset();
		String profile = "/api/users/ada/slow-3000";
		for (int i = 0; i < 10; i++) {
			long started = System.nanoTime();
			get(profile).expectStatus()
				.isEqualTo(504)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://instaclone.dev/problems/upstream-timeout")
				.jsonPath("$.detail")
				.isEqualTo("The follow-service did not answer in time. Try again shortly.");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("call %d: the read timeout, not the 3 s", i + 1)
				.isBetween(Duration.ofMillis(700), Duration.ofMillis(1_500));
		}
		assertThat(SERVICE.hits(profile)).as("a timeout is not retried").isEqualTo(10);

		long started = System.nanoTime();
		get("/api/follows/ada/followers/slow-3000").expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://instaclone.dev/problems/service-unavailable");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the open breaker answers at once")
			.isLessThan(Duration.ofMillis(300));
	}

	@Test
	@Order(1)
	void aWriteToFollowServiceIsNotHeldToTheReadTimeout() {
		this.client.post()
			.uri("/api/accounts/" + UUID.randomUUID() + "/slow-1200")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private WebTestClient.ResponseSpec get(String path) {
		return this.client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token).exchange();
	}

	/** Every service at the stand-in; the general response timeout well above the read timeout. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Upstream {

		@Bean
		DynamicPropertyRegistrar slowFollowService() {
			return registry -> {
				Misbehaving.routeEverythingTo(registry, SERVICE::url);
				registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "5s");
			};
		}
	}
}
