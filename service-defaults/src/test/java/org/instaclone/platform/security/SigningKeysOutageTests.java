package org.instaclone.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

import org.instaclone.platform.fault.FaultInjectionTests;
import org.instaclone.testsupport.JwksStandIn;
import org.instaclone.testsupport.TestTokens;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Token checks in a real service (Tomcat on a random port, the auto-configured security chain, no keys
 * file) while follow-service's JWKS cannot be fetched and no keys are known, as at the service's first
 * start during an outage: that is the service's problem, not the caller's, so 503
 * {@code authentication-unavailable} with {@code Retry-After}, never a 500. Bad tokens stay 401, and
 * the same token verifies as soon as the keys can be fetched. Each test starts its own service.
 */
@ExtendWith(OutputCaptureExtension.class)
class SigningKeysOutageTests {

	private static final String KEYS_UNAVAILABLE = "https://instaclone.dev/problems/authentication-unavailable";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<AutoCloseable> started = new ArrayList<>();

	@AfterEach
	void stop() throws Exception {
		for (int i = this.started.size() - 1; i >= 0; i--) {
			this.started.get(i).close();
		}
	}

	@Test
	void keysUnavailableAreA503ProblemAndTheSameTokenVerifiesOnceTheyAreBack(CapturedOutput output)
			throws Exception {
		JwksStandIn follow = started(JwksStandIn.serving(JwksStandIn.testTokensKeys().toString()));
		follow.close(); // refused from the start, at the address the service is configured with
		int service = startService(follow);
		String token = TestTokens.accessToken(UUID.randomUUID(), "ada");

		assertKeysUnavailable(me(service, token));
		// one warning line with the reason, no stack trace
		assertThat(output.getAll()).contains("Cannot verify access tokens")
			.doesNotContain("AuthenticationServiceException")
			.doesNotContain("\tat org.springframework.security");
		// what needs no key is answered as always: no token, or not a JWT at all, is the caller's 401
		assertThat(me(service, null).statusCode()).isEqualTo(401);
		assertThat(me(service, "not-a-jwt").statusCode()).isEqualTo(401);

		follow.restart(); // follow-service is back
		HttpResponse<String> verified = me(service, token);
		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat(verified.body()).isEqualTo("ada");
	}

	@Test
	void everyRequestIsA503WhileTheKeysStayUnavailableAndTheJwksIsNotHammered() throws Exception {
		JwksStandIn follow = started(JwksStandIn.failing()); // up, but answering 503
		int service = startService(follow);
		String token = TestTokens.accessToken(UUID.randomUUID(), "ada");

		for (int i = 0; i < 5; i++) {
			// including those the rate limit keeps from fetching: nothing is known, so nothing is "invalid"
			assertKeysUnavailable(me(service, token));
			assertKeysUnavailable(me(service, TestTokens.token(UUID.randomUUID(), "eve", h -> h.keyID("unknown"), c -> {
			})));
		}
		assertThat(follow.requests()).as("JWKS fetches: two per rate-limit window (30 s)").isEqualTo(2);
	}

	@Test
	void badTokensStay401WhileTheKeysAreAvailableAndAfterFollowServiceGoesDown() throws Exception {
		JwksStandIn follow = started(JwksStandIn.serving(JwksStandIn.testTokensKeys().toString()));
		int service = startService(follow);
		String token = TestTokens.accessToken(UUID.randomUUID(), "ada");
		assertThat(me(service, token).statusCode()).isEqualTo(200);

		assertInvalid(me(service, TestTokens.forgedToken(UUID.randomUUID(), "eve")));
		Instant hourAgo = Instant.now().minusSeconds(3600);
		assertInvalid(me(service, TestTokens.token(UUID.randomUUID(), "eve", h -> {
		}, c -> c.issueTime(Date.from(hourAgo))
			.notBeforeTime(Date.from(hourAgo))
			.expirationTime(Date.from(hourAgo.plusSeconds(900))))));
		assertInvalid(me(service, TestTokens.token(UUID.randomUUID(), "eve", h -> {
		}, c -> c.audience(List.of("another-api")))));
		// a kid nobody knows, more often than the rate limit lets the JWKS be re-fetched for it
		for (int i = 0; i < 4; i++) {
			assertInvalid(me(service, TestTokens.token(UUID.randomUUID(), "eve", h -> h.keyID("rotated-away"), c -> {
			})));
		}
		assertThat(follow.requests()).isEqualTo(2);

		// follow-service goes down: the keys fetched keep verifying, bad tokens stay 401
		follow.close();
		assertThat(me(service, TestTokens.accessToken(UUID.randomUUID(), "bob")).body()).isEqualTo("bob");
		assertInvalid(me(service, TestTokens.forgedToken(UUID.randomUUID(), "eve")));
		assertInvalid(me(service, TestTokens.token(UUID.randomUUID(), "eve", h -> h.keyID("rotated-away"), c -> {
		})));
	}

	private static void assertKeysUnavailable(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(response.body()).contains("\"type\":\"" + KEYS_UNAVAILABLE + "\"")
			.contains("\"title\":\"Sign-in check unavailable\"")
			.contains("\"status\":503")
			.contains("\"instance\":\"/api/me\"")
			.doesNotContain("Exception")
			.doesNotContain("Connection refused")
			.doesNotContain("\tat ");
	}

	private static void assertInvalid(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"type\":\"https://instaclone.dev/problems/unauthorized\"");
	}

	private HttpResponse<String> me(int port, @Nullable String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
			.timeout(Duration.ofSeconds(10));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A service verifying tokens against {@code follow}'s JWKS with the defaults (no keys file); its port. */
	private int startService(JwksStandIn follow) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Service.class).run("--server.port=0",
				"--spring.application.name=outage", "--instaclone.security.jwks-uri=" + follow.uri(),
				"--instaclone.security.issuer=" + TestTokens.ISSUER,
				"--instaclone.security.audience=" + TestTokens.AUDIENCE,
				"--" + FaultInjectionTests.READINESS_WITHOUT_DATABASE, "--" + FaultInjectionTests.NO_DATABASE_NO_BROKER);
		this.started.add(context);
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private JwksStandIn started(JwksStandIn jwks) {
		this.started.add(jwks);
		return jwks;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class Service {

		@GetMapping("/api/me")
		String me(Viewer viewer) {
			return viewer.handle();
		}
	}
}
