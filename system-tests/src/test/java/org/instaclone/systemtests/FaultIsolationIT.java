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
 * <li>follow-service killed: users signed in before keep reading and posting, sign-in is a clean 503;</li>
 * <li>upload-service (two replicas) restarted one replica at a time under load while follow-service is
 * still down: no failed request, and the restarted replicas verify tokens with the keys they kept;</li>
 * <li>metrics-service and integrations-service killed during 1,000 posts and follows, then started
 * again: every follow counted once, every webhook delivered, every post known;</li>
 * <li>Kafka stopped for 30 s during writes: every write succeeds, and every event arrives after.</li>
 * </ol>
 * The runner is driven with its own control commands ({@code kill}, {@code start}, {@code restart},
 * {@code stop}), as a user would from another shell.
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
	 * other run); per-user upload and follow limits the 1,000 writes of case 5 fit in (the general API
	 * limit and the sign-in limits stay at their defaults); webhooks allowed to this JVM's receiver on
	 * 127.0.0.1; and a 15 s delivery lease, so a webhook in flight when integrations-service is killed is
	 * sent again after 15 s instead of the default 2 minutes.
	 */
	private static final Map<String, String> ENVIRONMENT = Map.of("INSTACLONE_FAULT_INJECTION_ENABLED", "true",
			"INSTACLONE_GATEWAY_RATE_LIMIT_UPLOADS", "100000", "INSTACLONE_GATEWAY_RATE_LIMIT_FOLLOWS", "100000",
			"INTEGRATIONS_EGRESS_ALLOWED_NETWORKS", "127.0.0.0/8", "INSTACLONE_INTEGRATIONS_DELIVERY_LEASE", "15s");

	/** upload-service runs twice (8082, 8182), so that case 4 can restart it under load. */
	private static final List<String> RUNNER_OPTIONS = List.of("--replicas=upload-service=2");

	/** Case 5: posts and follows made while metrics-service and integrations-service are down. */
	private static final int WRITES = 1000;

	private static final String FOLLOW_CREATED = "instaclone.follow.created.v1";

	private static final String FOLLOW_DELETED = "instaclone.follow.deleted.v1";

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

	private @Nullable WebhookReceiver webhooks;

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
		this.webhooks = new WebhookReceiver();
		this.runner = LocalRunnerProcess.start(this.home, dataDir, ENVIRONMENT, RUNNER_OPTIONS);
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
	 * Case 2 (the "follow-service slowed by 3 s: gateway answers within 1 s p99 with a
	 * fallback"): +3 s on every follow-service API request through {@code /actuator/faults}, profile
	 * reads from {@link #USERS} users. Each read is cut off at the gateway's 800 ms read timeout (a 504
	 * {@code upstream-timeout} problem); those timeouts open the breaker, after which reads are answered
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
		List<Call> cutOff = calls.route("profile", (call) -> call.timedOut() && call.startedAt() < openedAt);
		List<Call> refused = calls.route("profile", Call::breakerOpen);
		List<Call> feed = calls.route("feed");
		report("case 2, follow-service slowed by 3 s (%d profile reads from %d users, every 200 ms):", profile.size(),
				USERS);
		report("  breaker open after %.1f s (%d reads answered 504 upstream-timeout first, at the 800 ms read timeout: p50 %d ms, max %d ms)",
				seconds(openedAt - start), cutOff.size(), percentile(cutOff, 50), percentile(cutOff, 100));
		report("  while open: %d answers 503 service-unavailable + Retry-After, p50 %d ms, p99 %d ms, max %d ms",
				refused.size(), percentile(refused, 50), percentile(refused, 99), percentile(refused, 100));
		report("  latency removed %.1f s after opening; breaker closed by itself %.1f s after that",
				seconds(cleared - openedAt), seconds(closed - cleared));
		report("  all profile reads: p50 %d ms, p99 %d ms, max %d ms, %d neither 200, 504 timeout nor breaker 503",
				percentile(profile, 50), percentile(profile, 99), percentile(profile, 100),
				errors(profile, (call) -> call.status() == 200 || call.timedOut() || call.breakerOpen()));
		report("  feed meanwhile: %d calls, %d errors, p50 %d ms, p99 %d ms", feed.size(), errors(feed, Call::ok),
				percentile(feed, 50), percentile(feed, 99));

		assertThat(failures(profile, (call) -> call.status() == 200 || call.timedOut() || call.breakerOpen()))
			.as("follow-service reads: 200, the 504 upstream-timeout problem or the open breaker's 503, nothing else")
			.isEmpty();
		assertThat(cutOff).as("reads cut off at the read timeout before the breaker opened").isNotEmpty();
		assertThat(percentile(profile, 99)).as("p99 of every profile read over the episode, ms (the issue: within 1 s)")
			.isLessThan(1000);
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
	 * keep reading the feed and posting (text posts and photo uploads); sign-in, sign-up and follows
	 * answer 503 problems at once.
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
							// every other post a photo upload: the whole pipeline, not only text posts
							String caption = "after follow-service went down " + i;
							calls.call("posts", (i % 4 == 0) ? photoPost(token, caption) : post(token, caption));
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

	/**
	 * Case 4 (the "a service restarted under load", and "signing keys cached everywhere, also
	 * across a restart of another service"): follow-service is still down from case 3. upload-service's
	 * two replicas are restarted one at a time (graceful stop, start, ready; the runner's {@code restart})
	 * while the users read their feeds and post. No request fails at the gateway, and the restarted
	 * replicas, which never saw follow-service's JWKS in their new life, verify the users' tokens with the
	 * keys they kept on disk. follow-service is started again at the end.
	 */
	@Test
	@Order(4)
	void uploadServiceRestartedUnderLoadWhileFollowServiceIsDown() throws Exception {
		Calls calls = new Calls();
		List<Future<?>> users = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(USERS);
		long start = System.nanoTime();
		String restart;
		long restarted;
		try {
			for (int u = 0; u < USERS; u++) {
				String token = this.tokens.get(u);
				users.add(pool.submit(() -> {
					for (int i = 0; !calls.stopped(); i++) {
						long next = System.nanoTime() + PACE.toNanos();
						calls.call("feed", api("/api/feed?limit=10", token).GET());
						if (i % 2 == 0) {
							calls.call("posts", post(token, "during a rolling restart " + i));
						}
						sleepUntil(next);
					}
				}));
			}
			sleep(Duration.ofSeconds(2));
			calls.markFault();
			restart = runner().command(Duration.ofMinutes(5), "restart", "upload-service");
			restarted = System.nanoTime();
			// a little more load once both replicas are back
			sleep(Duration.ofSeconds(3));
			calls.stop();
			for (Future<?> user : users) {
				user.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
			// the cases after this one sign up, sign in and follow
			runner().command(Duration.ofMinutes(4), "start", "follow-service");
		}
		report("case 4, upload-service (2 replicas) restarted one at a time under load, follow-service down:");
		report("  rolling restart took %.1f s:%n%s", seconds(restarted - calls.faultAt()),
				restart.lines().filter((line) -> !line.equals("OK")).map((line) -> "    " + line.strip())
					.reduce((a, b) -> a + "\n" + b).orElse(""));
		for (String route : List.of("feed", "posts")) {
			List<Call> all = calls.route(route);
			List<Call> during = calls.route(route, (call) -> call.startedAt() >= calls.faultAt() && call.startedAt() < restarted);
			report("  %-8s %4d calls (%d during the restart), %d failed, p50 %d ms, p99 %d ms, max %d ms%s", route,
					all.size(), during.size(), errors(all, Call::ok), percentile(all, 50), percentile(all, 99),
					percentile(all, 100), failures(all, Call::ok).isEmpty() ? "" : "; failures: " + failures(all, Call::ok));
			assertThat(during).as("%s calls during the restart", route).hasSizeGreaterThanOrEqualTo(USERS * 5);
			assertThat(failures(all, Call::ok)).as("%s calls that failed during the rolling restart", route).isEmpty();
		}
		report("  (%.1f s of load in all)", seconds(System.nanoTime() - start));
	}

	/**
	 * Case 5 (the "metrics-service and integrations-service killed while 1,000 uploads and follows
	 * happen, then restarted: every event counted once and every webhook delivered"): a fresh account
	 * with a webhook endpoint (in this JVM) for its follows; {@link #USERS} users make {@link #WRITES}
	 * writes in all, posts (every tenth with a photo) and follows/unfollows of that account in turn. After
	 * the first 150 both services are killed (SIGKILL), and started again when the writes are done. Then
	 * the account's follower series counts each follow and unfollow exactly once, its endpoint has got
	 * every follow event (signed), and metrics-service knows every post.
	 */
	@Test
	@Order(5)
	void metricsAndIntegrationsKilledDuringWritesThenRestartedNothingIsLost() throws Exception {
		// fresh access tokens (they live 15 minutes; the suite has been running for several)
		for (int u = 0; u < USERS; u++) {
			this.tokens.set(u, signIn(this.handles.get(u)));
		}
		Target target = target("fm" + this.suffix);
		Writes writes = new Writes(target);
		long start = System.nanoTime();
		List<Future<?>> users = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(USERS);
		long killed;
		long writesDone;
		try {
			for (int u = 0; u < USERS; u++) {
				int user = u;
				users.add(pool.submit(() -> writes.run(user, WRITES / USERS, Long.MAX_VALUE)));
			}
			while (writes.calls.size() < 150 && users.stream().anyMatch((user) -> !user.isDone())) {
				sleep(Duration.ofMillis(50));
			}
			runner().command(Duration.ofMinutes(1), "kill", "metrics-service");
			runner().command(Duration.ofMinutes(1), "kill", "integrations-service");
			killed = System.nanoTime();
			for (Future<?> user : users) {
				user.get(5, TimeUnit.MINUTES);
			}
			writesDone = System.nanoTime();
		}
		finally {
			pool.shutdownNow();
		}
		int afterKill = writes.calls.route("posts", (call) -> call.startedAt() >= killed).size()
				+ writes.calls.route("follows", (call) -> call.startedAt() >= killed).size();
		runner().command(Duration.ofMinutes(4), "start", "metrics-service");
		runner().command(Duration.ofMinutes(4), "start", "integrations-service");
		long restarted = System.nanoTime();
		Counted counted = awaitCounted(target, writes, Duration.ofMinutes(3));
		report("case 5, metrics-service and integrations-service killed during %d writes, then started again:", WRITES);
		report("  %d writes in %.1f s (%d after the kill): %d posts (%d with a photo), %d follows, %d unfollows of %s; %d failed",
				writes.calls.size(), seconds(writesDone - start), afterKill, writes.posts.size(), writes.photos.get(),
				writes.follows.get(), writes.unfollows.get(), target.handle(),
				errors(writes.calls.all(), Call::ok));
		report("  both started again %.1f s after the writes ended; everything counted %.1f s after that:",
				seconds(restarted - writesDone), seconds(counted.at() - restarted));
		report("  %s", counted);
		writes.calls.assertNoFailures();
		assertThat(afterKill).as("writes after the kill").isGreaterThan(WRITES / 2);
		counted.assertComplete(writes);
	}

	/**
	 * Case 6 (the "Kafka stopped for 30 s during writes"): Kafka is stopped (the runner's
	 * {@code stop kafka}, a graceful broker shutdown) and for 30 s the users post and follow/unfollow a
	 * fresh account with a webhook endpoint. Every write succeeds (the events wait in each service's
	 * outbox); Kafka is started again, and then every event arrives: follows counted once by
	 * metrics-service, delivered as webhooks, every post known to metrics-service.
	 */
	@Test
	@Order(6)
	void kafkaStoppedForThirtySecondsWritesSucceedAndEventsFollow() throws Exception {
		Target target = target("fk" + this.suffix);
		Writes writes = new Writes(target);
		String stop = runner().command(Duration.ofMinutes(2), "stop", "kafka");
		long stopped = System.nanoTime();
		List<Future<?>> users = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(USERS);
		try {
			long end = stopped + Duration.ofSeconds(30).toNanos();
			for (int u = 0; u < USERS; u++) {
				int user = u;
				users.add(pool.submit(() -> writes.run(user, Integer.MAX_VALUE, end)));
			}
			for (Future<?> user : users) {
				user.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			pool.shutdownNow();
		}
		long writesDone = System.nanoTime();
		String start = runner().command(Duration.ofMinutes(3), "start", "kafka");
		long started = System.nanoTime();
		Counted counted = awaitCounted(target, writes, Duration.ofMinutes(3));
		List<Call> all = writes.calls.all();
		report("case 6, Kafka stopped for %.1f s during writes (%s):", seconds(started - stopped),
				(stop + start).lines().filter((line) -> line.contains("stopped:") || line.contains("ready:"))
					.map(String::strip).reduce((a, b) -> a + "; " + b).orElse(""));
		report("  %d writes while it was down: %d posts, %d follows, %d unfollows; %d failed, p50 %d ms, p99 %d ms",
				all.size(), writes.posts.size(), writes.follows.get(), writes.unfollows.get(), errors(all, Call::ok),
				percentile(all, 50), percentile(all, 99));
		report("  Kafka ready %.1f s after the writes ended; everything arrived %.1f s after that:",
				seconds(started - writesDone), seconds(counted.at() - started));
		report("  %s", counted);
		writes.calls.assertNoFailures();
		assertThat(all).as("writes while Kafka was down").hasSizeGreaterThanOrEqualTo(USERS * 20);
		counted.assertComplete(writes);
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
		WebhookReceiver receiver = this.webhooks;
		if (receiver != null) {
			receiver.close();
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

	/** An account whose app has a webhook endpoint (in this JVM) for its follows and unfollows. */
	private record Target(String handle, String token, String hookPath) {
	}

	private Target target(String handle) throws IOException, InterruptedException {
		String token = signUp(handle);
		HttpResponse<String> app = send(api("/api/integrations/apps", token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(
					Map.of("name", "Fault suite CRM", "description", "counts " + handle + "'s followers")))));
		assertThat(app.statusCode()).as("app of %s: %s", handle, app.body()).isEqualTo(201);
		String appId = this.json.readTree(app.body()).path("id").asString();
		String path = "/hooks/" + handle;
		HttpResponse<String> endpoint = send(api("/api/integrations/apps/" + appId + "/endpoints", token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(Map.of("url", webhooks().url(path),
					"eventTypes", List.of(FOLLOW_CREATED, FOLLOW_DELETED))))));
		assertThat(endpoint.statusCode()).as("webhook endpoint of %s: %s", handle, endpoint.body()).isEqualTo(201);
		webhooks().expect(path, this.json.readTree(endpoint.body()).path("secret").asString());
		return new Target(handle, token, path);
	}

	/** Posts and follows/unfollows of one target, from several users at once, with what succeeded. */
	private final class Writes {

		private final Target target;

		private final Calls calls = new Calls();

		/** Each created post: its id and its author's token. */
		private final ConcurrentLinkedQueue<Map.Entry<String, String>> posts = new ConcurrentLinkedQueue<>();

		private final java.util.concurrent.atomic.AtomicInteger photos = new java.util.concurrent.atomic.AtomicInteger();

		private final java.util.concurrent.atomic.AtomicInteger follows = new java.util.concurrent.atomic.AtomicInteger();

		private final java.util.concurrent.atomic.AtomicInteger unfollows = new java.util.concurrent.atomic.AtomicInteger();

		Writes(Target target) {
			this.target = target;
		}

		/** Up to {@code count} writes by one user, until {@code end} (nanoTime): a post, then a follow or unfollow. */
		void run(int user, int count, long end) {
			String token = FaultIsolationIT.this.tokens.get(user);
			boolean following = false;
			for (int i = 0; i < count && System.nanoTime() < end; i++) {
				if (i % 2 == 0) {
					boolean photo = i % 20 == 0;
					Call call = this.calls.call("posts", photo ? photoPost(token, "photo " + i) : post(token, "post " + i));
					if (call.status() == 201) {
						this.posts.add(Map.entry(FaultIsolationIT.this.json.readTree(call.body()).path("id").asString(), token));
						if (photo) {
							this.photos.incrementAndGet();
						}
					}
				}
				else {
					String path = "/api/follows/" + this.target.handle();
					Call call = this.calls.call("follows", following ? api(path, token).DELETE()
							: api(path, token).PUT(HttpRequest.BodyPublishers.noBody()));
					if (call.ok()) {
						(following ? this.unfollows : this.follows).incrementAndGet();
						following = !following;
					}
				}
				if (end != Long.MAX_VALUE) {
					sleep(PACE);
				}
			}
		}
	}

	/** What had arrived downstream of a {@link Writes}, and when that was last checked. */
	private record Counted(long at, long hooksCreated, long hooksDeleted, int deliveries, int redelivered,
			int rejected, long gained, long lost, int postsKnown, int postsWritten) {

		boolean complete(Writes writes) {
			return this.hooksCreated == writes.follows.get() && this.hooksDeleted == writes.unfollows.get()
					&& this.gained == writes.follows.get() && this.lost == writes.unfollows.get()
					&& this.postsKnown == this.postsWritten;
		}

		void assertComplete(Writes writes) {
			assertThat(this.hooksCreated).as("follow events delivered as webhooks (distinct event ids)")
				.isEqualTo(writes.follows.get());
			assertThat(this.hooksDeleted).as("unfollow events delivered as webhooks (distinct event ids)")
				.isEqualTo(writes.unfollows.get());
			assertThat(this.rejected).as("webhook requests whose signature did not verify").isZero();
			assertThat(this.gained).as("follows counted by metrics-service").isEqualTo(writes.follows.get());
			assertThat(this.lost).as("unfollows counted by metrics-service").isEqualTo(writes.unfollows.get());
			assertThat(this.postsKnown).as("posts known to metrics-service").isEqualTo(this.postsWritten);
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"webhooks: %d follow + %d unfollow events in %d deliveries (%d sent more than once, same webhook-id), %d bad signatures; "
							+ "metrics: %d follows, %d unfollows counted; %d of %d posts known",
					this.hooksCreated, this.hooksDeleted, this.deliveries, this.redelivered, this.rejected, this.gained,
					this.lost, this.postsKnown, this.postsWritten);
		}
	}

	/**
	 * Polls the webhook receiver, the target's follower series and every post's views until everything
	 * the writes caused has arrived (or the timeout passes), and returns the last look.
	 */
	private Counted awaitCounted(Target target, Writes writes, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		java.util.Set<String> known = new java.util.HashSet<>();
		Counted counted;
		while (true) {
			List<WebhookReceiver.Received> hooks = webhooks().received(target.hookPath());
			long created = hooks.stream().filter((hook) -> hook.eventType().equals(FOLLOW_CREATED))
				.map(WebhookReceiver.Received::eventId).distinct().count();
			long deleted = hooks.stream().filter((hook) -> hook.eventType().equals(FOLLOW_DELETED))
				.map(WebhookReceiver.Received::eventId).distinct().count();
			int distinctDeliveries = (int) hooks.stream().map(WebhookReceiver.Received::webhookId).distinct().count();
			long gained = 0;
			long lost = 0;
			HttpResponse<String> series = send(api("/api/metrics/me/followers/series?granularity=minute", target.token()).GET());
			if (series.statusCode() == 200) {
				for (JsonNode point : this.json.readTree(series.body()).path("points")) {
					gained += point.path("gained").asLong();
					lost += point.path("lost").asLong();
				}
			}
			for (Map.Entry<String, String> post : writes.posts) {
				if (!known.contains(post.getKey())) {
					HttpResponse<String> views = send(api("/api/metrics/posts/" + post.getKey() + "/views?granularity=hour",
							post.getValue()).GET());
					if (views.statusCode() == 200) {
						known.add(post.getKey());
					}
					else {
						break;
					}
				}
			}
			counted = new Counted(System.nanoTime(), created, deleted, hooks.size(), hooks.size() - distinctDeliveries,
					webhooks().rejected().size(), gained, lost, known.size(), writes.posts.size());
			if (counted.complete(writes) || System.nanoTime() > deadline) {
				return counted;
			}
			sleep(Duration.ofSeconds(1));
		}
	}

	/** A post with a small generated PNG, as {@code multipart/form-data} like the web client's upload. */
	private HttpRequest.Builder photoPost(String token, String caption) {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D graphics = image.createGraphics();
		graphics.setColor(new java.awt.Color(caption.hashCode() | 0xff000000));
		graphics.fillRect(0, 0, 64, 48);
		graphics.dispose();
		java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		String boundary = "fault-suite-" + UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\n" + caption
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"photo.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(png.toByteArray());
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return api("/api/posts", token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
	}

	private WebhookReceiver webhooks() {
		WebhookReceiver receiver = this.webhooks;
		assertThat(receiver).as("the webhook receiver").isNotNull();
		return receiver;
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

		boolean timedOut() {
			return this.status == 504 && this.problemType.equals("upstream-timeout");
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

		Call call(String route, HttpRequest.Builder request) {
			long started = System.nanoTime();
			Call call;
			try {
				HttpResponse<String> response = send(request);
				String contentType = response.headers().firstValue("Content-Type").orElse(null);
				String type = (contentType != null && contentType.startsWith("application/problem+json"))
						? problemType(response) : "";
				call = new Call(route, started, System.nanoTime(), response.statusCode(), contentType,
						response.headers().firstValue("Instaclone-Degraded").orElse(null),
						response.headers().firstValue("Retry-After").orElse(null), type, response.body());
			}
			catch (IOException ex) {
				call = new Call(route, started, System.nanoTime(), 0, null, null, null, "", ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			this.calls.add(call);
			return call;
		}

		int size() {
			return this.calls.size();
		}

		List<Call> all() {
			return List.copyOf(this.calls);
		}

		void assertNoFailures() {
			assertThat(failures(all(), Call::ok)).as("writes that failed").isEmpty();
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
