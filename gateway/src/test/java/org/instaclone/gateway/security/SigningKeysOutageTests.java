package org.instaclone.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import org.instaclone.gateway.StubUpstream;
import org.instaclone.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.StatusAssertions;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What happens to token checks while follow-service (the JWKS) is unreachable. The stock reactive
 * decoder answers 500 in two of these cases; the gateway must answer 503 or 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// generous: a busy 2-core CI machine can take seconds for a first request; tests still assert their own limits
@AutoConfigureWebTestClient(timeout = "30s")
class SigningKeysOutageTests {

	private static final int JWKS_PORT = freePort();

	private static HttpServer jwks;

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("FOLLOW_SERVICE_URL", StubUpstream::url);
		registry.add("instaclone.security.jwks-uri",
				() -> "http://127.0.0.1:" + JWKS_PORT + "/.well-known/jwks.json");
		registry.add("instaclone.security.issuer", () -> TestTokens.ISSUER);
		registry.add("instaclone.security.audience", () -> TestTokens.AUDIENCE);
	}

	@Test
	void keysUnreachableAreA503UntilTheyComeBackAndThenCachedKeysOutliveAnOutage() throws IOException {
		String token = TestTokens.accessToken(UUID.randomUUID(), "ada");

		// follow-service has never been reachable: the token cannot be checked, which is not the caller's fault
		client.get()
			.uri("/api/accounts/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://instaclone.dev/problems/authentication-unavailable");

		startJwks();
		me(token).isOk();

		// follow-service goes down: keys already fetched keep verifying tokens
		jwks.stop(0);
		me(token).isOk();
		// a kid nobody knows is an invalid token, not a server error
		me(TestTokens.token(UUID.randomUUID(), "eve", h -> h.keyID("rotated-away"), c -> {
		})).isUnauthorized();
		me(token).isOk();
	}

	private StatusAssertions me(String token) {
		return client.get()
			.uri("/api/accounts/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus();
	}

	private static void startJwks() throws IOException {
		byte[] keys;
		try (InputStream in = URI.create(TestTokens.jwksUri()).toURL().openStream()) {
			keys = in.readAllBytes();
		}
		jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), JWKS_PORT), 0);
		jwks.createContext("/.well-known/jwks.json", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, keys.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(keys);
			}
		});
		jwks.start();
	}

	@AfterAll
	static void stopJwks() {
		if (jwks != null) {
			jwks.stop(0);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
