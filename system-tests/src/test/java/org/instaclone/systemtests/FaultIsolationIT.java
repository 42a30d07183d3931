package org.instaclone.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instaclone.systemtests.LocalRunnerProcess.MODULES;
import static org.instaclone.systemtests.LocalRunnerProcess.PORTS;
import static org.instaclone.systemtests.LocalRunnerProcess.isListening;
import static org.instaclone.systemtests.LocalRunnerProcess.sleep;

/**
 * The fault suite of issue 9 against the whole local system: its own runner (own data folder, so it
 * can kill children without touching {@link LocalSystemIT}'s), real JVMs, PostgreSQL and Kafka, driven
 * only through the gateway. In order, on one running system:
 * <ol>
 * <li>ads-service killed (SIGKILL) under a mixed load of feed reads, posts, follows and ad placements;</li>
 * <li>follow-service slowed by 3 s (fault injection): its breaker opens, answers come at once, and it
 * closes by itself once the latency is gone;</li>
 * <li>follow-service killed: users signed in before keep reading and posting, sign-in is a clean 503.</li>
 * </ol>
 * Each case prints its numbers (a report at the end, also in {@code target/fault-suite-report.txt})
 * and asserts them. docs/resilience.md, "Measured (fault suite)", keeps the results.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultIsolationIT {

	private static final String GATEWAY = "http://localhost:8080";

	/** follow-service's own port: {@code /actuator/faults} answers only from the service's own host. */
	private static final String FOLLOW_SERVICE = "http://localhost:8081";

	/**
	 * Given to the runner, which passes it on to every service: the fault-injection switch (off in every
	 * other run). The gateway's rate limits stay at their defaults; the load below stays under them.
	 */
	private static final Map<String, String> ENVIRONMENT = Map.of("INSTACLONE_FAULT_INJECTION_ENABLED", "true");

	private static final String PASSWORD = "correct horse battery staple";

	private static final int USERS = 4;

	private static final Duration PACE = Duration.ofMillis(250);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Path home = Path.of(System.getProperty("instaclone.home", "..")).toAbsolutePath().normalize();

	private final String suffix = UUID.randomUUID().toString().substring(0, 6);

	private final List<String> handles = new ArrayList<>();

	private final List<String> tokens = new ArrayList<>();

	private final List<String> report = new ArrayList<>();

	/**
	 * The account the users follow and unfollow in case 1. One account that follows no one, not a ring
	 * (A follows B, B follows C, ...): concurrent follows in a ring deadlock in follow-service's counter
	 * updates (a 500, found by this suite, left to follow-service), which is not what this suite measures.
	 */
	private final String followed = "fit" + this.suffix;

	private @Nullable LocalRunnerProcess runner;

	@BeforeAll
	void startTheLocalSystemWithFaultInjection() throws Exception {
		for (String module : MODULES) {
			assertThat(this.home.resolve(module).resolve("target").resolve(module + ".jar"))
				.as("%s must be packaged before the system tests run (./mvnw verify does that)", module)
				.isRegularFile();
		}
		for (int port : PORTS) {
			assertThat(isListening(port)).as("port %d must be free before the fault suite starts", port).isFalse();
		}
		String run = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
		Path dataDir = this.home.resolve("system-tests/target/fault-run-" + run);
		Files.createDirectories(dataDir);
		long start = System.nanoTime();
		this.runner = LocalRunnerProcess.start(this.home, dataDir, ENVIRONMENT);
		this.runner.awaitReady(Duration.ofSeconds(320));
		report("local system ready after %.1f s (fault injection enabled)", seconds(System.nanoTime() - start));
		signUp(this.followed);
		for (int i = 0; i < USERS; i++) {
			String handle = "fi" + i + this.suffix;
			this.handles.add(handle);
			this.tokens.add(signUp(handle));
		}
	}

	/**
	 * Case 1: a mixed load from {@link #USERS} users (each every 250 ms: feed, ad placements, and a post,
	 * a follow or an unfollow of {@link #followed} in turn); ads-service's JVM is killed after 4 s and the load goes on for
	 * 16 s more. Feed, posts and follows stay under 1 % errors; every placement after the kill is 200
	 * {"placements":[]} marked {@code Instaclone-Degraded: ads}, quickly.
	 */
	@Test
	@Order(1)
	void adsServiceKilledUnderLoadTheRestKeepsAnswering() throws Exception {
		Calls calls = new Calls();
		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(20).toNanos();
		List<Future<?>> users = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(USERS);
		try {
			for (int u = 0; u < USERS; u++) {
				int user = u;
				users.add(pool.submit(() -> mixedLoad(user, end, calls)));
			}
			sleep(Duration.ofSeconds(4));
			runner().killService("ads-service", Duration.ofSeconds(10));
			calls.markFault();
			for (Future<?> user : users) {
				user.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		long faultAt = calls.faultAt();
		report("case 1, ads-service killed at %.1f s of a %.1f s mixed load from %d users:", seconds(faultAt - start),
				seconds(System.nanoTime() - start), USERS);
		for (String route : List.of("feed", "posts", "follows")) {
			List<Call> all = calls.route(route);
			List<Call> after = calls.route(route, (call) -> call.startedAt() >= faultAt);
			double errorRate = errorRate(all, Call::ok);
			report("  %-8s %4d calls (%d after the kill), %d errors (%.2f %%), p50 %d ms, p99 %d ms%s", route, all.size(),
					after.size(), errors(all, Call::ok), errorRate * 100, percentile(all, 50), percentile(all, 99),
					failures(all, Call::ok).isEmpty() ? "" : "; errors: " + failures(all, Call::ok));
			assertThat(after).as("%s calls after the kill", route).isNotEmpty();
			assertThat(errorRate).as("%s error rate; failures: %s", route, failures(all, Call::ok)).isLessThan(0.01);
		}
		List<Call> placementsBefore = calls.route("placements", (call) -> call.endedAt() < faultAt);
		List<Call> placementsAfter = calls.route("placements", (call) -> call.startedAt() >= faultAt);
		report("  placements before the kill: %d calls, %d not 200, p99 %d ms", placementsBefore.size(),
				errors(placementsBefore, (call) -> call.status() == 200), percentile(placementsBefore, 99));
		report("  placements after the kill: %d calls, %d empty + Instaclone-Degraded: ads, p50 %d ms, p99 %d ms, max %d ms",
				placementsAfter.size(), placementsAfter.size() - errors(placementsAfter, Call::degradedEmpty),
				percentile(placementsAfter, 50), percentile(placementsAfter, 99), percentile(placementsAfter, 100));
		assertThat(errors(placementsBefore, (call) -> call.status() == 200)).as("placements before the kill: %s",
				failures(placementsBefore, (call) -> call.status() == 200)).isZero();
		assertThat(placementsAfter).as("placements after the kill").hasSizeGreaterThanOrEqualTo(USERS * 10);
		assertThat(failures(placementsAfter, Call::degradedEmpty))
			.as("every placement after the kill: 200 {\"placements\":[]} with Instaclone-Degraded: ads")
			.isEmpty();
		assertThat(percentile(placementsAfter, 99)).as("placements p99 after the kill, ms: the feed screen never waits")
			.isLessThan(1000);

		HttpResponse<String> campaigns = send(api("/api/ads/campaigns", this.tokens.get(0)).GET());
		report("  GET /api/ads/campaigns after the kill: %d %s", campaigns.statusCode(), problemType(campaigns));
		assertProblem(campaigns, 503, "service-unavailable");
		assertThat(runner().output()).contains("WARNING: ads-service stopped unexpectedly");
	}

	/**
	 * Case 2 (the "follow-service slowed by 3 s"): +3 s on every follow-service API request
	 * through {@code /actuator/faults}, profile reads from {@link #USERS} users. The gateway's breaker
	 * for follow-service opens once the window is slow (10 calls), after which its requests are answered
	 * 503 at once; feed reads meanwhile are not slowed. The latency is removed, and the breaker closes by
	 * itself after its open time.
	 */
	@Test
	@Order(2)
	void followServiceSlowedTheBreakerOpensAndClosesByItself() throws Exception {
		Calls calls = new Calls();
		HttpResponse<String> injected = faults("POST", "{\"latencyMs\": 3000, \"latencyFraction\": 1.0}");
		assertThat(injected.statusCode()).as("fault injection on follow-service: %s", injected.body()).isEqualTo(200);
		long start = System.nanoTime();
		long deadline = start + Duration.ofSeconds(45).toNanos();
		List<Future<?>> users = new ArrayList<>();
		long cleared = 0;
		long closed = 0;
		ExecutorService pool = Executors.newFixedThreadPool(USERS + 1);
		try {
			for (int u = 0; u < USERS; u++) {
				int user = u;
				users.add(pool.submit(() -> {
					while (System.nanoTime() < deadline && !calls.stopped()) {
						calls.call("profile", api("/api/users/" + this.handles.get((user + 1) % USERS), this.tokens.get(user)).GET());
						sleep(Duration.ofMillis(200));
					}
				}));
			}
			users.add(pool.submit(() -> {
				while (System.nanoTime() < deadline && !calls.stopped()) {
					calls.call("feed", api("/api/feed?limit=10", this.tokens.get(0)).GET());
					sleep(PACE);
				}
			}));
			// wait for the breaker to open (its first 503), then remove the latency
			while (System.nanoTime() < deadline && calls.route("profile", Call::breakerOpen).isEmpty()) {
				sleep(Duration.ofMillis(100));
			}
			long opened = calls.route("profile", Call::breakerOpen).stream().mapToLong(Call::endedAt).min().orElse(0);
			assertThat(opened).as("follow-service's breaker opened (a 503 service-unavailable) within 45 s: %s",
					calls.route("profile")).isPositive();
			assertThat(breakerState("follow-service")).isEqualTo("open");
			sleep(Duration.ofSeconds(2));
			HttpResponse<String> clear = faults("DELETE", null);
			assertThat(clear.statusCode()).as(clear.body()).isEqualTo(200);
			cleared = System.nanoTime();
			// until the breaker has closed by itself: 5 quick 200s in a row after the latency was removed
			while (System.nanoTime() < deadline && closed == 0) {
				List<Call> recent = calls.route("profile", (call) -> call.startedAt() > calls.lastBreakerOpenAt());
				if (recent.size() >= 5 && recent.stream().allMatch((call) -> call.status() == 200)) {
					closed = recent.stream().mapToLong(Call::endedAt).min().orElseThrow();
				}
				sleep(Duration.ofMillis(100));
			}
			calls.stop();
			for (Future<?> user : users) {
				user.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
			faults("DELETE", null);
		}
		long openedAt = calls.route("profile", Call::breakerOpen).stream().mapToLong(Call::endedAt).min().orElseThrow();
		List<Call> profile = calls.route("profile");
		List<Call> slow = calls.route("profile", (call) -> call.status() == 200 && call.startedAt() < openedAt);
		List<Call> refused = calls.route("profile", Call::breakerOpen);
		List<Call> feed = calls.route("feed");
		report("case 2, follow-service slowed by 3 s (%d profile reads from %d users, every 200 ms):", profile.size(),
				USERS);
		report("  breaker open after %.1f s (%d slow calls answered 200 first, p50 %d ms)", seconds(openedAt - start),
				slow.size(), percentile(slow, 50));
		report("  while open: %d answers 503 service-unavailable + Retry-After, p50 %d ms, p99 %d ms, max %d ms",
				refused.size(), percentile(refused, 50), percentile(refused, 99), percentile(refused, 100));
		report("  latency removed %.1f s after opening; breaker closed by itself %.1f s after that",
				seconds(cleared - openedAt), seconds(closed - cleared));
		report("  all profile reads: p50 %d ms, p99 %d ms, %d neither 200 nor breaker 503", percentile(profile, 50),
				percentile(profile, 99), errors(profile, (call) -> call.status() == 200 || call.breakerOpen()));
		report("  feed meanwhile: %d calls, %d errors, p50 %d ms, p99 %d ms", feed.size(), errors(feed, Call::ok),
				percentile(feed, 50), percentile(feed, 99));

		assertThat(failures(profile, (call) -> call.status() == 200 || call.breakerOpen()))
			.as("follow-service reads: 200 (slow, then fast again) or the open breaker's 503, nothing else").isEmpty();
		assertThat(percentile(refused, 99)).as("p99 of the open breaker's answers, ms").isLessThan(1000);
		assertThat(refused).allSatisfy((call) -> assertThat(call.retryAfter()).as("Retry-After").isNotNull());
		assertThat(closed).as("the breaker closed by itself after the latency was removed").isPositive();
		assertThat(seconds(closed - cleared)).as("seconds from removing the latency to a closed breaker")
			.isLessThan(15);
		assertThat(breakerState("follow-service")).isEqualTo("closed");
		assertThat(failures(feed, Call::ok)).as("feed reads while follow-service is slow").isEmpty();
		assertThat(percentile(feed, 99)).as("feed p99 while follow-service is slow, ms").isLessThan(1000);
	}

	/**
	 * Case 3: the users sign in, then follow-service's JVM is killed. With those tokens (never used
	 * before the kill, so verified with the signing keys cached in the gateway and upload-service) they
	 * keep reading the feed and posting; sign-in, sign-up and follows answer 503 problems at once.
	 */
	@Test
	@Order(3)
	void followServiceKilledSignedInUsersKeepWorkingAndSignInIsA503() throws Exception {
		List<String> signedIn = new ArrayList<>();
		for (String handle : this.handles) {
			signedIn.add(signIn(handle));
		}
		runner().killService("follow-service", Duration.ofSeconds(10));
		Calls calls = new Calls();
		calls.markFault();
		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(10).toNanos();
		List<Future<?>> users = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(USERS);
		try {
			for (int u = 0; u < USERS; u++) {
				String token = signedIn.get(u);
				users.add(pool.submit(() -> {
					for (int i = 0; System.nanoTime() < end; i++) {
						long next = System.nanoTime() + PACE.toNanos();
						calls.call("feed", api("/api/feed?limit=10", token).GET());
						if (i % 2 == 0) {
							calls.call("posts", post(token, "after follow-service went down " + i));
						}
						sleepUntil(next);
					}
				}));
			}
			for (int i = 0; i < 3; i++) {
				calls.call("sign-in", HttpRequest.newBuilder(URI.create(GATEWAY + "/api/accounts/sign-in"))
					.timeout(Duration.ofSeconds(20))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(
							Map.of("login", this.handles.get(i), "password", PASSWORD)))));
				calls.call("sign-up", HttpRequest.newBuilder(URI.create(GATEWAY + "/api/accounts"))
					.timeout(Duration.ofSeconds(20))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(Map.of("handle",
							"fil" + i + this.suffix, "email", "fil" + i + this.suffix + "@example.com", "password",
							PASSWORD)))));
				calls.call("follows", api("/api/follows/" + this.handles.get((i + 1) % USERS), signedIn.get(i))
					.PUT(HttpRequest.BodyPublishers.noBody()));
				sleep(Duration.ofSeconds(2));
			}
			for (Future<?> user : users) {
				user.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		report("case 3, follow-service killed, %d users signed in just before (tokens first used after the kill):",
				USERS);
		for (String route : List.of("feed", "posts")) {
			List<Call> all = calls.route(route);
			report("  %-8s %4d calls, %d errors (%.2f %%), p50 %d ms, p99 %d ms%s", route, all.size(), errors(all, Call::ok),
					errorRate(all, Call::ok) * 100, percentile(all, 50), percentile(all, 99),
					failures(all, Call::ok).isEmpty() ? "" : "; errors: " + failures(all, Call::ok));
			assertThat(all).as("%s calls", route).hasSizeGreaterThanOrEqualTo(USERS * 10);
			assertThat(errorRate(all, Call::ok)).as("%s error rate; failures: %s", route, failures(all, Call::ok))
				.isLessThan(0.01);
		}
		for (String route : List.of("sign-in", "sign-up", "follows")) {
			List<Call> all = calls.route(route);
			report("  %-8s %d calls: %s, max %d ms", route, all.size(),
					all.stream().map((call) -> call.status() + " " + call.problemType()).distinct().toList(),
					percentile(all, 100));
			assertThat(all).as("%s while follow-service is down", route).isNotEmpty().allSatisfy((call) -> {
				assertThat(call.status()).as("%s status", route).isEqualTo(503);
				assertThat(call.contentType()).startsWith("application/problem+json");
				assertThat(call.problemType()).isEqualTo("service-unavailable");
				assertThat(call.retryAfter()).as("Retry-After").isNotNull();
				assertThat(call.millis()).as("%s answered within, ms", route).isLessThan(3000);
			});
		}
		assertThat(runner().output()).contains("WARNING: follow-service stopped unexpectedly");
	}

	@AfterAll
	void stopTheLocalSystem() throws Exception {
		LocalRunnerProcess started = this.runner;
		if (started != null && started.process().isAlive()) {
			List<ProcessHandle> children = started.process().descendants().toList();
			long start = System.nanoTime();
			if (!started.stop(Duration.ofSeconds(90))) {
				started.kill();
			}
			// nothing may outlive the runner: LocalSystemIT needs the same ports
			children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
			report("local runner stopped in %.1f s", seconds(System.nanoTime() - start));
		}
		String text = String.join("\n", this.report);
		System.out.println("=== fault suite report ===\n" + text);
		Files.writeString(this.home.resolve("system-tests/target/fault-suite-report.txt"), text + "\n",
				StandardCharsets.UTF_8);
	}

	/** One user's share of case 1 until {@code end}: feed, placements, then a post, follow or unfollow in turn. */
	private void mixedLoad(int user, long end, Calls calls) {
		String token = this.tokens.get(user);
		String other = this.followed;
		for (int i = 0; System.nanoTime() < end; i++) {
			long next = System.nanoTime() + PACE.toNanos();
			calls.call("feed", api("/api/feed?limit=10", token).GET());
			calls.call("placements", api("/api/ads/placements?slots=2", token).GET());
			switch (i % 4) {
				case 0 -> calls.call("posts", post(token, "fault suite post " + i));
				case 1 -> calls.call("follows", api("/api/follows/" + other, token).PUT(HttpRequest.BodyPublishers.noBody()));
				case 3 -> calls.call("follows", api("/api/follows/" + other, token).DELETE());
				default -> {
				}
			}
			sleepUntil(next);
		}
	}

	private HttpRequest.Builder post(String token, String caption) {
		return api("/api/posts", token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(Map.of("caption", caption))));
	}

	private static HttpRequest.Builder api(String path, String token) {
		return HttpRequest.newBuilder(URI.create(GATEWAY + path))
			.timeout(Duration.ofSeconds(15))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
	}

	private HttpResponse<String> faults(String method, @Nullable String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(FOLLOW_SERVICE + "/actuator/faults"))
			.timeout(Duration.ofSeconds(10));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return send(request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody()));
	}

	/** The gateway's current state of a service's breaker, from its Prometheus gauge. */
	private String breakerState(String service) throws IOException, InterruptedException {
		HttpResponse<String> metrics = send(HttpRequest.newBuilder(URI.create(GATEWAY + "/actuator/prometheus"))
			.timeout(Duration.ofSeconds(10)));
		assertThat(metrics.statusCode()).isEqualTo(200);
		String prefix = "resilience4j_circuitbreaker_state{";
		return metrics.body()
			.lines()
			.filter((line) -> line.startsWith(prefix) && line.contains("name=\"" + service + "\"") && line.endsWith(" 1.0"))
			.map((line) -> line.replaceAll(".*state=\"([a-z_]+)\".*", "$1"))
			.findFirst()
			.orElse("(none)");
	}

	private String signUp(String handle) throws IOException, InterruptedException {
		String body = this.json.writeValueAsString(
				Map.of("handle", handle, "email", handle + "@example.com", "password", PASSWORD));
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/accounts"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).as("sign-up of %s: %s", handle, response.body()).isEqualTo(201);
		return this.json.readTree(response.body()).path("accessToken").asString();
	}

	private String signIn(String handle) throws IOException, InterruptedException {
		String body = this.json.writeValueAsString(Map.of("login", handle, "password", PASSWORD));
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/accounts/sign-in"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).as("sign-in of %s: %s", handle, response.body()).isEqualTo(200);
		return this.json.readTree(response.body()).path("accessToken").asString();
	}

	private void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		assertThat(problemType(response)).isEqualTo(type);
	}

	private String problemType(HttpResponse<String> response) {
		try {
			String type = this.json.readTree(response.body()).path("type").asString("");
			return type.substring(type.lastIndexOf('/') + 1);
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private LocalRunnerProcess runner() {
		LocalRunnerProcess started = this.runner;
		assertThat(started).as("the local runner").isNotNull();
		return started;
	}

	private void report(String format, Object... args) {
		String line = String.format(Locale.ROOT, format, args);
		this.report.add(line);
		System.out.println(line);
	}

	/** One request through the gateway: what the user saw, and when. */
	private record Call(String route, long startedAt, long endedAt, int status, @Nullable String contentType,
			@Nullable String degraded, @Nullable String retryAfter, String problemType, String body) {

		long millis() {
			return TimeUnit.NANOSECONDS.toMillis(this.endedAt - this.startedAt);
		}

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		boolean degradedEmpty() {
			return this.status == 200 && "ads".equals(this.degraded) && this.body.replace(" ", "").equals("{\"placements\":[]}");
		}

		boolean breakerOpen() {
			return this.status == 503 && this.problemType.equals("service-unavailable");
		}

		@Override
		public String toString() {
			return this.route + " " + this.status + " " + this.problemType + " " + millis() + " ms"
					+ ((this.status < 200 || this.status >= 400) ? " " + this.body.substring(0, Math.min(200, this.body.length())) : "");
		}
	}

	/** Every call of a case, from several threads; status 0 = no answer (the exception is the body). */
	private final class Calls {

		private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

		private volatile long faultAt;

		private volatile boolean stopped;

		void call(String route, HttpRequest.Builder request) {
			long started = System.nanoTime();
			try {
				HttpResponse<String> response = send(request);
				String contentType = response.headers().firstValue("Content-Type").orElse(null);
				String type = (contentType != null && contentType.startsWith("application/problem+json"))
						? problemType(response) : "";
				this.calls.add(new Call(route, started, System.nanoTime(), response.statusCode(), contentType,
						response.headers().firstValue("Instaclone-Degraded").orElse(null),
						response.headers().firstValue("Retry-After").orElse(null), type, response.body()));
			}
			catch (IOException ex) {
				this.calls.add(new Call(route, started, System.nanoTime(), 0, null, null, null, "", ex.toString()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		void markFault() {
			this.faultAt = System.nanoTime();
		}

		long faultAt() {
			return this.faultAt;
		}

		void stop() {
			this.stopped = true;
		}

		boolean stopped() {
			return this.stopped;
		}

		/** When the last open-breaker answer was started (0 if none). */
		long lastBreakerOpenAt() {
			return this.calls.stream().filter(Call::breakerOpen).mapToLong(Call::startedAt).max().orElse(0);
		}

		List<Call> route(String route) {
			return route(route, (call) -> true);
		}

		List<Call> route(String route, Predicate<Call> filter) {
			return this.calls.stream().filter((call) -> call.route().equals(route)).filter(filter).toList();
		}
	}

	private static long errors(List<Call> calls, Predicate<Call> ok) {
		return calls.stream().filter(ok.negate()).count();
	}

	private static double errorRate(List<Call> calls, Predicate<Call> ok) {
		return calls.isEmpty() ? 0 : (double) errors(calls, ok) / calls.size();
	}

	private static List<Call> failures(List<Call> calls, Predicate<Call> ok) {
		return calls.stream().filter(ok.negate()).limit(10).toList();
	}

	/** The p-th percentile (nearest rank) of the calls' durations in ms; 0 for none. */
	private static long percentile(List<Call> calls, int p) {
		List<Long> millis = calls.stream().map(Call::millis).sorted(Comparator.naturalOrder()).toList();
		if (millis.isEmpty()) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * millis.size());
		return millis.get(Math.max(0, Math.min(millis.size() - 1, rank - 1)));
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static void sleepUntil(long nanoTime) {
		long left = nanoTime - System.nanoTime();
		if (left > 0) {
			sleep(Duration.ofNanos(left));
		}
	}
}
