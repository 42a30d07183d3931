package org.instaclone.gateway.routing;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.instaclone.gateway.Prometheus;
import org.instaclone.gateway.StubUpstream;
import org.instaclone.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// generous: a busy 2-core CI machine can take seconds for a first request; tests still assert their own limits
@AutoConfigureWebTestClient(timeout = "30s")
@Import(StubUpstream.class)
class RoutingTests {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	@Autowired
	WebTestClient client;

	private final String token = TestTokens.accessToken(UUID.randomUUID(), "ada");

	@Test
	void forwardsTheFullPathQueryAndAuthorizationToTheOwningService() {
		for (String path : new String[] { "/api/users/ada", "/api/follows", "/api/posts/42", "/api/media/p/1.jpg",
				"/api/feed", "/api/integrations/apps", "/api/metrics/insights" }) {
			Map<String, Object> seen = get(path + "?limit=5");
			assertThat(seen).containsEntry("path", path)
				.containsEntry("query", "limit=5")
				.containsEntry("authorization", "Bearer " + token);
		}
	}

	@Test
	void forwardsTheW3cTraceContext() {
		Map<String, Object> seen = client.get()
			.uri("/api/users/ada")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header("traceparent", TRACEPARENT)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
		assertThat(String.valueOf(seen.get("traceparent")))
			.as("same trace id; the parent may be the gateway's own span")
			.startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
	}

	@Test
	void startsATraceWhenNoneCameIn() {
		Map<String, Object> seen = get("/api/users/ada");
		assertThat(String.valueOf(seen.get("traceparent"))).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
	}

	@Test
	void signUpSignInRefreshSignOutAndJwksNeedNoToken() {
		for (String path : new String[] { "/api/accounts", "/api/accounts/sign-in", "/api/accounts/refresh",
				"/api/accounts/sign-out" }) {
			client.post()
				.uri(path)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.path")
				.isEqualTo(path)
				.jsonPath("$.method")
				.isEqualTo("POST");
		}
		client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk().expectBody().jsonPath("$.path")
			.isEqualTo("/.well-known/jwks.json");
	}

	@Test
	void photosAreReadableWithoutATokenButNotWritable() {
		client.get().uri("/api/media/abc.jpg").exchange().expectStatus().isOk().expectBody().jsonPath("$.path")
			.isEqualTo("/api/media/abc.jpg");
		client.post().uri("/api/media/abc.jpg").exchange().expectStatus().isUnauthorized();
		client.get().uri("/api/posts").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void servesEachServicesOpenApiDocumentWithoutAToken() {
		for (String service : new String[] { "follow-service", "upload-service", "integrations-service",
				"metrics-service" }) {
			client.get()
				.uri("/openapi/" + service)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.path")
				.isEqualTo("/v3/api-docs");
		}
	}

	@Test
	void passesAServicesOwnProblemThroughUnchanged() {
		client.get()
			.uri("/api/users/nobody")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://instaclone.dev/problems/user-not-found")
			.jsonPath("$.detail")
			.isEqualTo("No user has the handle 'nobody'.");
	}

	@Test
	void aServiceThatIsDownIsA503Problem() {
		client.get()
			.uri("/api/ads/slots")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://instaclone.dev/problems/service-unavailable")
			.jsonPath("$.status")
			.isEqualTo(503)
			.jsonPath("$.detail")
			.isEqualTo("The ads-service is not reachable right now. Try again shortly.");
	}

	@Test
	void aServiceThatIsTooSlowIsA504ProblemWithinTheTimeout() {
		long started = System.nanoTime();
		client.mutate()
			.responseTimeout(Duration.ofSeconds(10))
			.build()
			.get()
			.uri("/api/posts/slow")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://instaclone.dev/problems/upstream-timeout")
			.jsonPath("$.detail")
			.isEqualTo("The upload-service did not answer in time. Try again shortly.");
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		assertThat(millis).as("answered after the 1 s response timeout, not after the stub's 4 s")
			.isBetween(900L, (long) StubUpstream.SLOW_MILLIS - 1_000);
	}

	@Test
	void uploadsGetALongerResponseTimeoutBecauseSendingTheBodyCounts() {
		client.mutate()
			.responseTimeout(Duration.ofSeconds(10))
			.build()
			.post()
			.uri("/api/posts/slow")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[1024])
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aBodyOverTheLimitIsA413ProblemAndIsNotForwarded() {
		client.post()
			.uri("/api/posts")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[StubUpstream.MAX_REQUEST_BYTES + 1])
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://instaclone.dev/problems/payload-too-large");

		Map<String, Object> seen = client.post()
			.uri("/api/posts")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[StubUpstream.MAX_REQUEST_BYTES])
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
		assertThat(seen).containsEntry("bodyBytes", StubUpstream.MAX_REQUEST_BYTES);
	}

	@Test
	void aChunkedBodyThatGrowsOverTheLimitIsA413Problem() {
		// no Content-Length: the limit is enforced while the body streams through
		Flux<DataBuffer> chunks = Flux.range(0, 8)
			.map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[StubUpstream.MAX_REQUEST_BYTES / 4]));
		client.post()
			.uri("/api/posts")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(BodyInserters.fromDataBuffers(chunks))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://instaclone.dev/problems/payload-too-large");
	}

	private Map<String, Object> get(String uri) {
		return client.get()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void aProxiedRequestIsTimedOnceInLatencyBucketsWithoutPerRouteOrInFlightMeters() {
		get("/api/feed");
		String metrics = Prometheus.scrape(client);
		// the server's and the proxied call's timers stay (dashboards, HPA); the per-route gateway timer
		// and the in-flight long task timers are off: each cost CPU on every request (docs/gateway.md)
		// with the services' 10 latency buckets, which the dashboards' p95 panel reads
		assertThat(metrics).contains("http_server_requests_seconds_count")
			.containsPattern("http_server_requests_seconds_bucket\\{[^}]*le=\"0\\.05\"")
			.contains("http_client_requests_seconds_count")
			.doesNotContain("spring_cloud_gateway_requests")
			.doesNotContain("http_server_requests_active")
			.doesNotContain("http_client_requests_active");
	}

	private static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP = new org.springframework.core.ParameterizedTypeReference<>() {
	};
}
