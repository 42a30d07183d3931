package org.instaclone.gateway.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.instaclone.gateway.Misbehaving;
import org.instaclone.gateway.StubUpstream;
import org.instaclone.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two instances of upload-service behind the gateway, given the way an operator gives them: the list
 * {@code spring.cloud.discovery.client.simple.instances.upload-service} replaced through
 * {@code SPRING_APPLICATION_JSON} (here its system-property twin {@code spring.application.json}),
 * while {@code UPLOAD_SERVICE_URL} still names a third stand-in that must never be called. Readiness
 * is polled every 300 ms. Requests are spread over both; an instance that shuts down under load costs
 * no request, GET or POST; a refused connection is sent to the other instance whatever its method;
 * an instance whose readiness is DOWN gets no new requests within a couple of intervals and gets them
 * again when it is back; the other services, with one instance each, are never polled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@Import(LoadBalancingTests.Upstream.class)
class LoadBalancingTests {

	static final Duration INTERVAL = Duration.ofMillis(300);

	static final Misbehaving FIRST = new Misbehaving();

	/** Replaced by a new one on the same port when a test stops it. */
	static volatile Misbehaving second = new Misbehaving();

	/** What {@code *_SERVICE_URL} point at: the single instance of every other service. */
	static final Misbehaving BY_URL = new Misbehaving();

	static {
		System.setProperty("spring.application.json",
				"{\"spring\":{\"cloud\":{\"discovery\":{\"client\":{\"simple\":{\"instances\":{\"upload-service\":["
						+ "{\"uri\":\"" + FIRST.url() + "\"},{\"uri\":\"" + second.url() + "\"}],"
						+ "\"metrics-service\":[{\"uri\":\"" + FIRST.url() + "\"},{\"uri\":\"" + StubUpstream.downUrl()
						+ "\"},{\"uri\":\"" + StubUpstream.downUrl() + "\"}]}}}}}}}");
	}

	@Autowired
	WebTestClient client;

	@Autowired
	MeterRegistry meters;

	@Autowired
	CircuitBreakerRegistry breakers;

	private final String token = TestTokens.accessToken(UUID.randomUUID(), "ada");

	@AfterEach
	void bothUpAndReady() throws InterruptedException {
		FIRST.ready(true);
		second.ready(true);
		Thread.sleep(3 * INTERVAL.toMillis());
	}

	@AfterAll
	static void stop() {
		System.clearProperty("spring.application.json");
		FIRST.stop();
		second.stop();
		BY_URL.stop();
	}

	@Test
	void theListReplacesTheUrlVariableAndRequestsAreSpreadOverBothInstances() {
		String path = "/api/posts/" + UUID.randomUUID() + "/ok";
		for (int i = 0; i < 20; i++) {
			get(path).expectStatus().isOk();
		}
		assertThat(FIRST.hits(path) + second.hits(path)).isEqualTo(20);
		// round robin alternates (10 each) unless a readiness check misses its 300 ms on a loaded machine
		assertThat(FIRST.hits(path)).as("round robin").isBetween(5, 15);
		assertThat(BY_URL.hits(path)).as("UPLOAD_SERVICE_URL is replaced, not added").isZero();
	}

	@Test
	void anInstanceThatIsNotReadyGetsNoNewRequestsAndGetsThemAgainWhenReady() throws InterruptedException {
		second.ready(false);
		Thread.sleep(2 * INTERVAL.toMillis() + 100);
		String path = "/api/feed/" + UUID.randomUUID() + "/ok";
		for (int i = 0; i < 10; i++) {
			get(path).expectStatus().isOk();
		}
		assertThat(second.hits(path)).as("not ready: out of the rotation").isZero();
		assertThat(FIRST.hits(path)).isEqualTo(10);

		second.ready(true);
		String again = "/api/feed/" + UUID.randomUUID() + "/ok";
		awaitRequestsReach(second, again);
	}

	@Test
	void whenNoInstanceIsReadyBothStillGetRequests() throws InterruptedException {
		FIRST.ready(false);
		second.ready(false);
		Thread.sleep(2 * INTERVAL.toMillis() + 100);
		String path = "/api/posts/" + UUID.randomUUID() + "/ok";
		for (int i = 0; i < 10; i++) {
			get(path).expectStatus().isOk();
		}
		assertThat(FIRST.hits(path)).as("a failing check everywhere does not refuse traffic").isBetween(3, 7);
	}

	@Test
	void aConnectionTheInstanceRefusesIsSentToAnotherOneWhateverTheMethod() {
		// metrics-service's second and third instances are one address that is down and, not polled,
		// stays in the rotation: what a request meets when it goes to an instance that stopped before
		// the checks noticed. Round robin alone would send some retries to the same dead address.
		double retriesBefore = retries("metrics-service");
		for (int i = 0; i < 6; i++) {
			String read = "/api/metrics/" + UUID.randomUUID() + "/ok";
			get(read).expectStatus().isOk();
			assertThat(FIRST.hits(read)).isEqualTo(1);
			String write = "/api/metrics/" + UUID.randomUUID() + "/ok";
			this.client.post()
				.uri(write)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"views\":1}")
				.exchange()
				.expectStatus()
				.isOk();
			assertThat(FIRST.hits(write)).as("a POST, sent once to the instance that answered").isEqualTo(1);
		}
		assertThat(retries("metrics-service") - retriesBefore).as("requests that met the refused connection")
			.isGreaterThanOrEqualTo(3);
		// the breaker sees each request once, with its outcome: 12 successes, no failure
		CircuitBreaker.Metrics breaker = this.breakers.circuitBreaker("metrics-service").getMetrics();
		assertThat(breaker.getNumberOfFailedCalls()).isZero();
		assertThat(breaker.getNumberOfSuccessfulCalls()).isEqualTo(12);
	}

	@Test
	void anInstanceThatShutsDownAfterItsReadinessWentDownCostsNoRequest() throws Exception {
		// a service that keeps serving for a moment after its readiness went DOWN (a drain, as
		// Kubernetes' preStop gives) is out of the rotation before it stops: kept-alive connections too
		Load load = Load.start(this.client, this.token);
		Thread.sleep(600);
		int port = second.port();
		second.ready(false);
		Thread.sleep(2 * INTERVAL.toMillis() + 200);
		second.stopGracefully(1);
		Thread.sleep(600);
		second = new Misbehaving(port);
		awaitRequestsReach(second, "/api/posts/" + UUID.randomUUID() + "/ok");
		load.stopAndAssertNoneFailed(FIRST, second);
	}

	@Test
	void servicesWithOneInstanceAreNotPolled() throws InterruptedException {
		Thread.sleep(2 * INTERVAL.toMillis());
		assertThat(FIRST.hits("/actuator/health/readiness")).as("upload-service's instances are polled").isPositive();
		assertThat(BY_URL.hits("/actuator/health/readiness")).isZero();
		get("/api/users/" + UUID.randomUUID() + "/ok").expectStatus().isOk();
	}

	private double retries(String service) {
		Counter counter = this.meters.find("instaclone.gateway.retries").tag("service", service).counter();
		return counter == null ? 0 : counter.count();
	}

	private WebTestClient.ResponseSpec get(String path) {
		return this.client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token).exchange();
	}

	/** Waits (up to 5 s) until GETs on {@code path} reach {@code instance}. */
	private void awaitRequestsReach(Misbehaving instance, String path) throws InterruptedException {
		await(() -> {
			get(path).expectStatus().isOk();
			return instance.hits(path) > 0;
		}, "requests reach the instance again");
	}

	private static void await(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	/** Two clients, each sending a GET then a POST (with a body) after the other, until stopped. */
	static final class Load {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final ExecutorService clients = Executors.newFixedThreadPool(2);

		private final List<String> failures = new CopyOnWriteArrayList<>();

		private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();

		private final String prefix = "/api/posts/" + UUID.randomUUID();

		static Load start(WebTestClient client, String token) {
			Load load = new Load();
			for (int c = 0; c < 2; c++) {
				load.clients.submit(() -> load.run(client, token));
			}
			return load;
		}

		private void run(WebTestClient client, String token) {
			for (int i = 0; this.running.get(); i++) {
				boolean post = i % 2 == 1;
				String path = this.prefix + (post ? "/write/ok" : "/read/ok");
				WebTestClient.RequestHeadersSpec<?> request = post
						? client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"caption\":\"x\"}")
						: client.get().uri(path);
				int status = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
					.exchange()
					.returnResult(byte[].class)
					.getStatus()
					.value();
				this.sent.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
				if (status != 200) {
					this.failures.add((post ? "POST " : "GET ") + status);
				}
				sleep(10);
			}
		}

		void stopAndAssertNoneFailed(Misbehaving first, Misbehaving second) throws InterruptedException {
			this.running.set(false);
			this.clients.shutdown();
			assertThat(this.clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
			assertThat(this.failures).as("failed requests").isEmpty();
			for (String kind : new String[] { "/read/ok", "/write/ok" }) {
				int sent = this.sent.getOrDefault(this.prefix + kind, new AtomicInteger()).get();
				assertThat(sent).as(kind + " sent").isGreaterThan(20);
				assertThat(first.hits(this.prefix + kind)).as(kind + " answered by the instance that stayed")
					.isPositive();
			}
		}

		private static void sleep(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Every service's single instance at {@link #BY_URL}; readiness polled every 300 ms; no limits. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Upstream {

		@Bean
		DynamicPropertyRegistrar twoUploadServiceInstances() {
			return registry -> {
				Misbehaving.routeEverythingTo(registry, BY_URL::url);
				registry.add("spring.cloud.loadbalancer.health-check.interval", () -> INTERVAL.toMillis() + "ms");
				registry.add("instaclone.gateway.rate-limit.enabled", () -> "false");
				// an empty path: metrics-service's instances are never polled (all count as ready)
				registry.add("spring.cloud.loadbalancer.health-check.path.metrics-service", () -> "");
			};
		}
	}
}
