package org.instaclone.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.SignedJWT;
import org.instaclone.gateway.Prometheus;
import org.instaclone.gateway.StubUpstream;
import org.instaclone.testsupport.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// generous: a busy 2-core CI machine can take seconds for a first request; tests still assert their own limits
@AutoConfigureWebTestClient(timeout = "30s")
@Import(StubUpstream.class)
class AccessTokenTests {

	private static final UUID ADA = UUID.randomUUID();

	@Autowired
	WebTestClient client;

	@Test
	void aValidAccessTokenReachesTheService() {
		client.get()
			.uri("/api/accounts/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.accessToken(ADA, "ada"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/accounts/me");
	}

	@Test
	void noTokenIsA401Problem() {
		client.get()
			.uri("/api/accounts/me")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://instaclone.dev/problems/unauthorized")
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.instance")
			.isEqualTo("/api/accounts/me");
	}

	@Test
	void everyApiPathOutsideTheSignInFlowNeedsAToken() {
		for (String path : new String[] { "/api/users/ada", "/api/follows/ada", "/api/posts", "/api/feed",
				"/api/ads/slots", "/api/integrations/apps", "/api/metrics/x", "/api/not-routed" }) {
			client.get().uri(path).exchange().expectStatus().isUnauthorized();
		}
		client.get().uri("/api/accounts").exchange().expectStatus().isUnauthorized();
	}

	static Iterable<Arguments> badTokens() throws Exception {
		String valid = TestTokens.accessToken(ADA, "ada");
		String[] parts = valid.split("\\.");
		String otherPayload = TestTokens.accessToken(UUID.randomUUID(), "admin").split("\\.")[1];
		Instant past = Instant.now().minusSeconds(3600);

		String none = base64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + parts[1] + ".";

		SignedJWT hs256 = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
					.keyID(SignedJWT.parse(valid).getHeader().getKeyID())
					.build(),
				SignedJWT.parse(valid).getJWTClaimsSet());
		// a classic confusion attack uses the public key as the HMAC secret
		hs256.sign(new MACSigner(publicJwks().getBytes(StandardCharsets.UTF_8)));

		return java.util.List.of(Arguments.of("alg none", none), Arguments.of("HS256", hs256.serialize()),
				Arguments.of("wrong issuer", TestTokens.token(ADA, "ada", h -> {
				}, c -> c.issuer("http://evil.example"))), Arguments.of("wrong audience", TestTokens.token(ADA, "ada", h -> {
				}, c -> c.audience("another-api"))),
				Arguments.of("typ JWT", TestTokens.token(ADA, "ada", h -> h.type(JOSEObjectType.JWT), c -> {
				})), Arguments.of("no typ", TestTokens.token(ADA, "ada", h -> h.type(null), c -> {
				})),
				Arguments.of("expired", TestTokens.token(ADA, "ada", h -> {
				}, c -> c.issueTime(Date.from(past))
					.notBeforeTime(Date.from(past))
					.expirationTime(Date.from(Instant.now().minusSeconds(120))))),
				Arguments.of("tampered payload", parts[0] + "." + otherPayload + "." + parts[2]),
				Arguments.of("forged with the same kid", TestTokens.forgedToken(ADA, "ada")),
				Arguments.of("unknown kid", TestTokens.token(ADA, "ada", h -> h.keyID("unknown-kid"), c -> {
				})), Arguments.of("garbage", "not-a-jwt"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badTokens")
	void aBadTokenIsA401Problem(String name, String token) {
		client.get()
			.uri("/api/accounts/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://instaclone.dev/problems/unauthorized");
	}

	@Test
	void closedActuatorEndpointsAreA403ProblemEvenWithAToken() {
		client.get()
			.uri("/actuator/env")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.accessToken(ADA, "ada"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://instaclone.dev/problems/forbidden");
	}

	@Test
	void healthAndPrometheusArePublic() {
		client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		String metrics = Prometheus.scrape(client);
		assertThat(metrics).contains("jvm_memory_used_bytes");
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String publicJwks() throws Exception {
		try (var in = java.net.URI.create(TestTokens.jwksUri()).toURL().openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
