package org.instaclone.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.instaclone.gateway.StubUpstream;
import org.instaclone.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The feed never waits on ads, at the API: with ads-service down (the stub points it at a closed
 * port), the client's two calls for a feed screen still succeed: {@code GET /api/feed} answers from
 * upload-service, and {@code GET /api/ads/placements} answers 200 with no placements, marked degraded,
 * at once (a refused connection is not waited out). Other ads calls still get the 503 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(StubUpstream.class)
class AdsDownTests {

	@Autowired
	WebTestClient client;

	private final String token = TestTokens.accessToken(UUID.randomUUID(), "ada");

	@Test
	void withAdsServiceDownTheFeedScreenStillLoadsWithoutAds() {
		client.get()
			.uri("/api/feed?limit=20")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Instaclone-Degraded")
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/feed");

		long started = System.nanoTime();
		client.get()
			.uri("/api/ads/placements?slots=3&hashtags=cats")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectHeader()
			.valueEquals("Instaclone-Degraded", "ads")
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody()
			.json("{\"placements\":[]}", JsonCompareMode.STRICT);
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		// a refused connection fails at once (a few ms); the bound only leaves room for a busy machine
		assertThat(millis).as("answered without waiting out the 2 s connect timeout").isLessThan(2_000);
	}

	@Test
	void placementsStillNeedAToken() {
		client.get().uri("/api/ads/placements?slots=3").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void otherAdsCallsStillGetTheServiceUnavailableProblem() {
		client.post()
			.uri("/api/ads/impressions/" + UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://instaclone.dev/problems/service-unavailable");
	}
}
