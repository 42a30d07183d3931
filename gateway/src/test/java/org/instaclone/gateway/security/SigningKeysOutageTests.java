package org.instaclone.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.instaclone.gateway.GatewayApplication;
import org.instaclone.gateway.StubUpstream;
import org.instaclone.testsupport.JwksStandIn;
import org.instaclone.testsupport.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Token checks in a real gateway (Netty on a random port, its security chain, no keys file) while
 * follow-service's JWKS cannot be fetched. With no keys known, as at the gateway's first start during an
 * outage, a token cannot be checked: that is the gateway's problem, not the caller's, so 503
 * {@code authentication-unavailable} with {@code Retry-After} for every request, also once Nimbus' rate
 * limit stops further fetches (a 401 would tell a client with a good token to sign in again). With keys
 * known, bad tokens are 401, however often they come. Each test starts its own gateway, since the keys
 * in memory and the rate limit are the state under test.
 */
@ExtendWith(OutputCaptureExtension.class)
class SigningKeysOutageTests {

	private static final String KEYS_UNAVAILABLE = "https://instaclone.dev/problems/authentication-unavailable";

	private final List<AutoCloseable> started = new ArrayList<>();

	@AfterEach
	void stop() throws Exception {
		for (int i = this.started.size() - 1; i >= 0; i--) {
			this.started.get(i).close();
		}
	}

	@Test
	void everyRequestIsA503WhileNoKeysAreKnownAlsoPastTheRateLimit(CapturedOutput output) {
		JwksStandIn follow = started(JwksStandIn.failing()); // up, but answering 503
		WebTestClient gateway = startGateway(follow);
		String token = TestTokens.accessToken(UUID.randomUUID(), "ada");

		for (int i = 0; i < 10; i++) {
			// nothing is known, so nothing is "invalid": neither the good token nor one with a kid never seen
			assertKeysUnavailable(me(gateway, token), "good token, request " + (i + 1));
			assertKeysUnavailable(me(gateway, TestTokens.token(UUID.randomUUID(), "eve", h -> h.keyID("unknown"), c -> {
			})), "unknown kid, request " + (i + 1));
		}
		assertThat(follow.requests()).as("JWKS fetches: two per rate-limit window (30 s)").isEqualTo(2);
		// what needs no key is answered as always: no token, or not a JWT at all, is the caller's 401
		assertInvalid(me(gateway, null), "Bearer");
		assertInvalid(me(gateway, "not-a-jwt"), "Bearer error=\"invalid_token\"");
		// a warning line per 503 with the reason, never a stack trace
		assertThat(output.getAll()).contains("/api/accounts/me -> 503").doesNotContain("\tat ");
	}

	@Test
	void theSameTokenVerifiesAsSoonAsFollowServiceIsBack() {
		JwksStandIn follow = started(JwksStandIn.serving(JwksStandIn.testTokensKeys().toString()));
		follow.close(); // refused from the start, at the address the gateway is configured with
		WebTestClient gateway = startGateway(follow);
		String token = TestTokens.accessToken(UUID.randomUUID(), "ada");
		assertKeysUnavailable(me(gateway, token), "follow-service down");

		// follow-service is back: the next fetch succeeds (past the rate limit it waits for the next window)
		follow.restart();
		EntityExchangeResult<String> verified = me(gateway, token);
		assertThat(verified.getStatus().value()).isEqualTo(200);
		assertThat(verified.getResponseBody()).contains("\"path\":\"/api/accounts/me\"");
	}

	@Test
	void badTokensStay401WhileTheKeysAreAvailableAndAfterFollowServiceGoesDown() {
		JwksStandIn follow = started(JwksStandIn.serving(JwksStandIn.testTokensKeys().toString()));
		WebTestClient gateway = startGateway(follow);
		String token = TestTokens.accessToken(UUID.randomUUID(), "ada");
		assertThat(me(gateway, token).getStatus().value()).isEqualTo(200);

		assertInvalid(me(gateway, TestTokens.forgedToken(UUID.randomUUID(), "eve")));
		Instant hourAgo = Instant.now().minusSeconds(3600);
		assertInvalid(me(gateway, TestTokens.token(UUID.randomUUID(), "eve", h -> {
		}, c -> c.issueTime(Date.from(hourAgo))
			.notBeforeTime(Date.from(hourAgo))
			.expirationTime(Date.from(hourAgo.plusSeconds(900))))));
		assertInvalid(me(gateway, TestTokens.token(UUID.randomUUID(), "eve", h -> {
		}, c -> c.audience(List.of("another-api")))));
		// a kid nobody knows, more often than the rate limit lets the JWKS be re-fetched for it
		for (int i = 0; i < 5; i++) {
			assertInvalid(me(gateway, TestTokens.token(UUID.randomUUID(), "eve", h -> h.keyID("rotated-away"), c -> {
			})));
		}
		assertThat(follow.requests()).as("JWKS fetches: two per rate-limit window (30 s)").isEqualTo(2);

		// follow-service goes down: the keys fetched keep verifying, bad tokens stay 401
		follow.close();
		assertThat(me(gateway, TestTokens.accessToken(UUID.randomUUID(), "bob")).getStatus().value()).isEqualTo(200);
		assertInvalid(me(gateway, TestTokens.forgedToken(UUID.randomUUID(), "eve")));
		for (int i = 0; i < 3; i++) {
			assertInvalid(me(gateway, TestTokens.token(UUID.randomUUID(), "eve", h -> h.keyID("rotated-away"), c -> {
			})));
		}
		assertThat(me(gateway, token).getStatus().value()).isEqualTo(200);
	}

	private static void assertKeysUnavailable(EntityExchangeResult<String> response, String what) {
		assertThat(response.getStatus().value()).as(what).isEqualTo(503);
		HttpHeaders headers = response.getResponseHeaders();
		assertThat(headers.getContentType()).as(what).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(headers.getFirst(HttpHeaders.RETRY_AFTER)).as(what).isEqualTo("5");
		assertThat(headers.getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(what).isNull();
		assertThat(response.getResponseBody()).as(what)
			.contains("\"type\":\"" + KEYS_UNAVAILABLE + "\"")
			.contains("\"title\":\"Sign-in check unavailable\"")
			.contains("\"status\":503")
			.contains("\"instance\":\"/api/accounts/me\"")
			.doesNotContain("Exception")
			.doesNotContain("Connection refused");
	}

	private static void assertInvalid(EntityExchangeResult<String> response) {
		assertInvalid(response, "Bearer error=\"invalid_token\"");
	}

	private static void assertInvalid(EntityExchangeResult<String> response, String challenge) {
		assertThat(response.getStatus().value()).isEqualTo(401);
		assertThat(response.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo(challenge);
		assertThat(response.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getResponseBody()).contains("\"type\":\"https://instaclone.dev/problems/unauthorized\"");
	}

	private static EntityExchangeResult<String> me(WebTestClient gateway, @Nullable String token) {
		return gateway.get()
			.uri("/api/accounts/me")
			.headers(headers -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			})
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	/**
	 * A gateway verifying tokens against {@code follow}'s JWKS with the defaults (keys in memory only),
	 * every service at {@link StubUpstream}; a client for it.
	 */
	private WebTestClient startGateway(JwksStandIn follow) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--instaclone.security.jwks-uri=" + follow.uri(),
				"--instaclone.security.jwks-cache-file=", "--instaclone.security.issuer=" + TestTokens.ISSUER,
				"--instaclone.security.audience=" + TestTokens.AUDIENCE));
		for (String service : List.of("FOLLOW", "UPLOAD", "ADS", "INTEGRATIONS", "METRICS")) {
			args.add("--" + service + "_SERVICE_URL=" + StubUpstream.url());
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
			.run(args.toArray(String[]::new));
		this.started.add(context);
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		// generous: a busy 2-core CI machine can take seconds for a first request; tests assert their own limits
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	private JwksStandIn started(JwksStandIn jwks) {
		this.started.add(jwks);
		return jwks;
	}
}
