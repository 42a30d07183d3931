package org.instaclone.gateway.routing;

import static org.instaclone.gateway.Misbehaving.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.instaclone.gateway.StubUpstream;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET /api/ads/placements} against an ads-service stand-in that misbehaves on request (the
 * {@code hashtags} parameter picks the behaviour): slow or failing means 200 with no placements,
 * marked degraded, within the route's 500 ms timeout; the service's own answers (placements, a 400
 * problem) pass through unchanged; other ads routes keep the general 1 s timeout and its 504.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(AdsFallbackTests.AdsStub.class)
class AdsFallbackTests {

	/** How long the stub takes when asked to be slow: far beyond every timeout in play. */
	static final int SLOW_MILLIS = 4_000;

	static final String PLACEMENT = """
			{"placements":[{"impressionId":"6f1c1f40-0000-4000-8000-000000000001",\
			"campaignId":"6f1c1f40-0000-4000-8000-000000000002","headline":"Shoes","mediaKey":"k.jpg",\
			"callToActionUrl":"https://shop.example/","impressionUrl":"/api/ads/impressions/x","clickUrl":"/api/ads/click/x"}]}""";

	static final String BAD_SLOTS = """
			{"type":"https://instaclone.dev/problems/validation","title":"Invalid request","status":400,\
			"detail":"slots must be 1..10","instance":"/api/ads/placements"}""";

	private static final HttpServer ADS = start();

	@Autowired
	WebTestClient client;

	private final String token = TestTokens.accessToken(UUID.randomUUID(), "ada");

	@AfterAll
	static void stop() {
		ADS.stop(0);
	}

	@Test
	void aSlowAdsServiceIsAnsweredWithNoPlacementsWithinTheTimeout() {
		long started = System.nanoTime();
		expectNoPlacements("slow");
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		assertThat(millis).as("answered after the 500 ms placements timeout, not after the stub's 4 s")
			.isBetween(450L, (long) SLOW_MILLIS - 1_500);
	}

	@Test
	void aFailingAdsServiceIsAnsweredWithNoPlacements() {
		expectNoPlacements("broken");
	}

	@Test
	void anAdsServiceThatDropsTheConnectionIsAnsweredWithNoPlacements() {
		expectNoPlacements("hangup");
	}

	@Test
	void theServicesOwnAnswersPassThrough() {
		client.get()
			.uri("/api/ads/placements?slots=1")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Instaclone-Degraded")
			.expectBody()
			.json(PLACEMENT, JsonCompareMode.STRICT);
		client.get()
			.uri("/api/ads/placements?slots=1&hashtags=invalid")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.doesNotExist("Instaclone-Degraded")
			.expectBody()
			.json(BAD_SLOTS, JsonCompareMode.STRICT);
	}

	@Test
	void otherAdsCallsKeepTheGeneralTimeoutAndItsProblem() {
		long started = System.nanoTime();
		client.get()
			.uri("/api/ads/campaigns")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://instaclone.dev/problems/upstream-timeout");
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		assertThat(millis).as("the general 1 s response timeout").isBetween(900L, (long) SLOW_MILLIS - 1_000);
	}

	private void expectNoPlacements(String behaviour) {
		client.get()
			.uri("/api/ads/placements?slots=3&hashtags=" + behaviour)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Instaclone-Degraded", "ads")
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.json("{\"placements\":[]}", JsonCompareMode.STRICT);
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.setExecutor(Executors.newCachedThreadPool());
			server.createContext("/api/ads/placements", AdsFallbackTests::placements);
			server.createContext("/api/ads/campaigns", exchange -> {
				sleep();
				send(exchange, 200, "application/json", "{\"items\":[],\"nextCursor\":null}");
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void placements(HttpExchange exchange) throws IOException {
		String query = String.valueOf(exchange.getRequestURI().getQuery());
		if (query.contains("hashtags=slow")) {
			sleep();
			send(exchange, 200, "application/json", PLACEMENT);
		}
		else if (query.contains("hashtags=broken")) {
			send(exchange, 500, "application/problem+json", """
					{"type":"https://instaclone.dev/problems/internal","title":"Internal error","status":500}""");
		}
		else if (query.contains("hashtags=hangup")) {
			exchange.close(); // no answer at all: the connection is closed
		}
		else if (query.contains("hashtags=invalid")) {
			send(exchange, 400, "application/problem+json", BAD_SLOTS);
		}
		else {
			send(exchange, 200, "application/json", PLACEMENT);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(SLOW_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Points ads-service at the stand-in above and everything else at the shared stub. */
	@TestConfiguration(proxyBeanMethods = false)
	static class AdsStub {

		@Bean
		DynamicPropertyRegistrar adsStubProperties() {
			return registry -> {
				String up = StubUpstream.url();
				registry.add("FOLLOW_SERVICE_URL", () -> up);
				registry.add("UPLOAD_SERVICE_URL", () -> up);
				registry.add("INTEGRATIONS_SERVICE_URL", () -> up);
				registry.add("METRICS_SERVICE_URL", () -> up);
				registry.add("ADS_SERVICE_URL", () -> "http://127.0.0.1:" + ADS.getAddress().getPort());
				registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout",
						() -> StubUpstream.RESPONSE_TIMEOUT);
				registry.add("instaclone.security.jwks-uri", TestTokens::jwksUri);
				registry.add("instaclone.security.issuer", () -> TestTokens.ISSUER);
				registry.add("instaclone.security.audience", () -> TestTokens.AUDIENCE);
			};
		}
	}
}
