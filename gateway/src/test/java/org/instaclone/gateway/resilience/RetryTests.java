package org.instaclone.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.instaclone.gateway.Misbehaving;
import org.instaclone.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Retries, counted at the service: a GET whose connection is dropped before any answer, or that is
 * answered 503, is sent once more (and only once); a POST, PUT or DELETE never is, the first attempt
 * may have taken effect. A timeout is not retried either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(RetryTests.Upstream.class)
class RetryTests {

	static final Misbehaving SERVICE = new Misbehaving();

	@Autowired
	WebTestClient client;

	private final String token = TestTokens.accessToken(UUID.randomUUID(), "ada");

	@AfterAll
	static void stop() {
		SERVICE.stop();
	}

	@Test
	void aGetWhoseConnectionFailsIsRetriedOnceThenABadGatewayProblem() {
		String path = "/api/integrations/" + UUID.randomUUID() + "/hangup";
		send(HttpMethod.GET, path).expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://instaclone.dev/problems/bad-gateway");
		assertThat(SERVICE.hits(path)).as("the first attempt and one retry").isEqualTo(2);
	}

	@Test
	void aGetAnsweredUnavailableIsRetriedAndTheClientSeesTheSecondAnswer() {
		String path = "/api/metrics/" + UUID.randomUUID() + "/unavailable-once";
		send(HttpMethod.GET, path).expectStatus().isOk().expectBody().jsonPath("$.ok").isEqualTo(true);
		assertThat(SERVICE.hits(path)).isEqualTo(2);
	}

	@Test
	void writesAreNeverRetried() {
		for (HttpMethod method : new HttpMethod[] { HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE }) {
			String dropped = "/api/integrations/" + UUID.randomUUID() + "/hangup";
			send(method, dropped).expectStatus().isEqualTo(502);
			assertThat(SERVICE.hits(dropped)).as("%s with a dropped connection", method).isEqualTo(1);

			String busy = "/api/metrics/" + UUID.randomUUID() + "/unavailable-once";
			send(method, busy).expectStatus()
				.isEqualTo(503)
				.expectBody()
				.jsonPath("$.title")
				.isEqualTo("Busy");
			assertThat(SERVICE.hits(busy)).as("%s answered 503", method).isEqualTo(1);
		}
	}

	@Test
	void aTimeoutIsNotRetried() {
		String path = "/api/follows/" + UUID.randomUUID() + "/slow-1500";
		send(HttpMethod.GET, path).expectStatus().isEqualTo(504);
		assertThat(SERVICE.hits(path)).isEqualTo(1);
	}

	private WebTestClient.ResponseSpec send(HttpMethod method, String path) {
		return this.client.method(method)
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
			.exchange();
	}

	/** Every service at the stand-in. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Upstream {

		@Bean
		DynamicPropertyRegistrar misbehavingUpstream() {
			return registry -> Misbehaving.routeEverythingTo(registry, SERVICE::url);
		}
	}
}
