package org.instaclone.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.instaclone.gateway.Misbehaving;
import org.instaclone.gateway.StubUpstream;
import org.instaclone.testsupport.TestTokens;
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
 * Rate limits with small numbers (general 6 per minute, sign-in 3 per minute, uploads and follows 2
 * per hour). Client addresses come from {@code X-Forwarded-For} here
 * ({@code server.forward-headers-strategy=native}, as behind a proxy), so each test has its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "server.forward-headers-strategy=native")
@AutoConfigureWebTestClient(timeout = "30s")
@Import(RateLimitTests.Limits.class)
class RateLimitTests {

	@Autowired
	WebTestClient client;

	@Test
	void eachUserHasTheirOwnBucket() {
		String ada = token("ada");
		for (int i = 0; i < 6; i++) {
			get("/api/users/ada", ada, "10.0.1.1").expectStatus().isOk();
		}
		expectLimited(get("/api/users/ada", ada, "10.0.1.1"), "api", 1, 10);
		// another user from the same address is not affected; nor is ada from another address
		get("/api/users/ada", token("bob"), "10.0.1.1").expectStatus().isOk();
		expectLimited(get("/api/users/ada", ada, "10.0.1.2"), "api", 1, 10);
	}

	@Test
	void requestsWithoutATokenAreLimitedPerAddress() {
		for (int i = 0; i < 6; i++) {
			get("/api/media/a.jpg", null, "10.0.2.1").expectStatus().isOk();
		}
		expectLimited(get("/api/media/a.jpg", null, "10.0.2.1"), "api", 1, 10);
		get("/api/media/a.jpg", null, "10.0.2.2").expectStatus().isOk();
	}

	@Test
	void signInIsStricterThanTheGeneralLimit() {
		for (int i = 0; i < 3; i++) {
			signIn("10.0.3.1").expectStatus().isOk();
		}
		// 3 per minute: the next token in 20 s
		expectLimited(signIn("10.0.3.1"), "sign-in", 1, 20);
		// the same address can still fetch photos (general limit), and another can sign in
		get("/api/media/a.jpg", null, "10.0.3.1").expectStatus().isOk();
		signIn("10.0.3.2").expectStatus().isOk();
	}

	@Test
	void uploadsAndFollowsAreLimitedPerUserPerHour() {
		String ada = token("ada");
		for (int i = 0; i < 2; i++) {
			post("/api/posts", ada).expectStatus().isOk();
		}
		// 2 per hour: the next one in 30 minutes
		expectLimited(post("/api/posts", ada), "uploads", 1_700, 1_800);
		get("/api/posts/1", ada, "10.0.4.1").expectStatus().isOk();
		post("/api/posts", token("bob")).expectStatus().isOk();

		for (int i = 0; i < 2; i++) {
			put("/api/follows/bob", ada).expectStatus().isOk();
		}
		expectLimited(put("/api/follows/carol", ada), "follows", 1_700, 1_800);
		put("/api/follows/carol", token("carol")).expectStatus().isOk();
	}

	private static void expectLimited(WebTestClient.ResponseSpec response, String limit, long minSeconds,
			long maxSeconds) {
		String retryAfter = response.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://instaclone.dev/problems/rate-limited")
			.jsonPath("$.detail")
			.value(detail -> assertThat(detail.toString()).contains("'" + limit + "'"))
			.returnResult()
			.getResponseHeaders()
			.getFirst(HttpHeaders.RETRY_AFTER);
		assertThat(Long.parseLong(retryAfter)).isBetween(minSeconds, maxSeconds);
	}

	private WebTestClient.ResponseSpec get(String path, String token, String address) {
		WebTestClient.RequestHeadersSpec<?> request = this.client.get().uri(path).header("X-Forwarded-For", address);
		if (token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.exchange();
	}

	private WebTestClient.ResponseSpec signIn(String address) {
		return this.client.post()
			.uri("/api/accounts/sign-in")
			.header("X-Forwarded-For", address)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"login\":\"ada\",\"password\":\"secret\"}")
			.exchange();
	}

	private WebTestClient.ResponseSpec post(String path, String token) {
		return write(HttpMethod.POST, path, token, "10.0.4.1");
	}

	private WebTestClient.ResponseSpec put(String path, String token) {
		return write(HttpMethod.PUT, path, token, "10.0.5.1");
	}

	private WebTestClient.ResponseSpec write(HttpMethod method, String path, String token, String address) {
		return this.client.method(method)
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header("X-Forwarded-For", address)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"caption\":\"hi\"}")
			.exchange();
	}

	private static String token(String handle) {
		return TestTokens.accessToken(UUID.randomUUID(), handle);
	}

	/** Every service at the echoing stub, and small limits. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Limits {

		@Bean
		DynamicPropertyRegistrar smallLimits() {
			return registry -> {
				Misbehaving.routeEverythingTo(registry, StubUpstream::url);
				registry.add("INSTACLONE_GATEWAY_RATE_LIMIT_API", () -> "6");
				registry.add("INSTACLONE_GATEWAY_RATE_LIMIT_SIGN_IN", () -> "3");
				registry.add("INSTACLONE_GATEWAY_RATE_LIMIT_UPLOADS", () -> "2");
				registry.add("INSTACLONE_GATEWAY_RATE_LIMIT_FOLLOWS", () -> "2");
			};
		}
	}
}
