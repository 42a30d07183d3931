package org.instaclone.loadtests.blast;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.instaclone.loadtests.seed.InstacloneApi;
import org.instaclone.loadtests.seed.InstacloneApi.SignedIn;
import org.instaclone.loadtests.seed.TestPhotos;

import tools.jackson.databind.JsonNode;

/**
 * The blast-radius workload against a running Instaclone, either deployment (same paths, port 8080):
 * seeds a few users who follow each other, a post each and two ad campaigns, signs them in, then runs
 * the {@link Action} mix as an open model (every request is sent when due, whatever the answers do,
 * and its latency counts from then, so a stall shows instead of lowering the rate) for the given
 * seconds, and writes every request to {@code requests.csv} in the output folder, plus
 * {@code window.properties} (when the measured window started, epoch ms). A user waits at most
 * {@link #PATIENCE} for an answer.
 *
 * <pre>
 * java -cp ... org.instaclone.loadtests.blast.BlastLoad --base=http://localhost:8080 --seconds=60 --out=DIR [--users=20]
 * </pre>
 *
 * Exits 1 only when seeding or sign-in failed (the harness failed, not the system under a fault).
 */
public final class BlastLoad {

	/** How long a user waits for an answer before giving up (a phone app's usual request timeout). */
	static final Duration PATIENCE = Duration.ofSeconds(10);

	/** More requests waiting than this and new ones are not sent (counted as dropped). */
	static final int MAX_IN_FLIGHT = 2000;

	static final String PASSWORD = "blast-radius-password-1";

	private BlastLoad() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			int eq = arg.indexOf('=');
			if (!arg.startsWith("--") || eq < 0) {
				System.err.println("arguments are --name=value; see " + BlastLoad.class.getName());
				System.exit(2);
			}
			options.put(arg.substring(2, eq), arg.substring(eq + 1));
		}
		URI base = URI.create(options.getOrDefault("base", "http://localhost:8080"));
		int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
		int userCount = Integer.parseInt(options.getOrDefault("users", "20"));
		Path out = Path.of(options.getOrDefault("out", "."));
		Files.createDirectories(out);

		long started = System.nanoTime();
		List<SignedIn> users;
		try {
			users = seed(new InstacloneApi(base), userCount);
		}
		catch (RuntimeException ex) {
			System.err.println("seeding failed: " + ex.getMessage());
			System.exit(1);
			return;
		}
		System.out.printf("seeded and signed in %d users in %.1f s%n", users.size(), (System.nanoTime() - started) / 1e9);

		long windowStart = System.currentTimeMillis();
		Files.writeString(out.resolve("window.properties"),
				"window_start_epoch_ms=" + windowStart + "\nseconds=" + seconds + "\n");
		List<Outcome> outcomes = run(base, users, seconds);
		outcomes.sort(Comparator.comparingLong(Outcome::scheduledMs));
		List<String> lines = new ArrayList<>(outcomes.size() + 1);
		lines.add(Outcome.HEADER);
		outcomes.forEach(outcome -> lines.add(outcome.csv()));
		Files.write(out.resolve("requests.csv"), lines);
		for (Action action : Action.ALL) {
			long ok = outcomes.stream().filter(o -> o.action().equals(action.name()) && o.ok()).count();
			long all = outcomes.stream().filter(o -> o.action().equals(action.name())).count();
			System.out.printf("  %-8s %5d requests, %5d ok%n", action.name(), all, ok);
		}
		System.exit(0);
	}

	/**
	 * Users {@code blast_00..}: signed up (or in, when a data folder is reused), each following the next
	 * three, each with a text post; the first also runs two active ad campaigns with a photo each.
	 */
	static List<SignedIn> seed(InstacloneApi api, int count) {
		List<SignedIn> users = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			users.add(api.signUp(String.format("blast_%02d", i), PASSWORD));
		}
		for (int i = 0; i < count; i++) {
			for (int k = 1; k <= 3; k++) {
				api.follow(users.get(i).accessToken(), users.get((i + k) % count).handle());
			}
			api.postText(users.get(i).accessToken(), "hello from " + users.get(i).handle());
		}
		List<byte[]> photos = TestPhotos.generate(2, System.nanoTime());
		SignedIn advertiser = users.get(0);
		for (int i = 0; i < photos.size(); i++) {
			JsonNode post = api.postPhoto(advertiser.accessToken(), photos.get(i), "our new product #ad");
			String url = post.path("images").path(0).path("url").asString();
			api.createActiveCampaign(advertiser.accessToken(), "blast-" + System.currentTimeMillis() + "-" + i,
					url.substring(url.lastIndexOf('/') + 1), 200 + 100 * i);
		}
		// fresh tokens for the measured window (a 15-minute lifetime covers it)
		List<SignedIn> signedIn = new ArrayList<>();
		for (SignedIn user : users) {
			signedIn.add(api.signIn(user.handle(), PASSWORD));
		}
		return signedIn;
	}

	private static List<Outcome> run(URI base, List<SignedIn> users, int seconds) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		// one merged schedule: each action's arrivals evenly spaced at its rate, offset so they interleave
		List<long[]> schedule = new ArrayList<>();
		for (int a = 0; a < Action.ALL.size(); a++) {
			Action action = Action.ALL.get(a);
			long interval = 1_000_000_000L / action.perSecond();
			long offset = interval * a / Action.ALL.size();
			for (long due = offset; due < seconds * 1_000_000_000L; due += interval) {
				schedule.add(new long[] { due, a });
			}
		}
		schedule.sort(Comparator.comparingLong(entry -> entry[0]));
		ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
		AtomicInteger inFlight = new AtomicInteger();
		long start = System.nanoTime();
		for (long[] entry : schedule) {
			long due = start + entry[0];
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			Action action = Action.ALL.get((int) entry[1]);
			long scheduledMs = entry[0] / 1_000_000;
			if (inFlight.get() >= MAX_IN_FLIGHT) {
				outcomes.add(new Outcome(action.name(), scheduledMs, 0, Outcome.DROPPED, false));
				continue;
			}
			inFlight.incrementAndGet();
			http.sendAsync(request(base, action, users), HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, failure) -> {
					long latencyMs = (System.nanoTime() - due) / 1_000_000;
					inFlight.decrementAndGet();
					if (failure != null) {
						outcomes.add(new Outcome(action.name(), scheduledMs, latencyMs, status(failure), false));
					}
					else {
						outcomes.add(new Outcome(action.name(), scheduledMs, latencyMs, response.statusCode(),
								response.headers().firstValue("Instaclone-Degraded").isPresent()));
					}
				});
		}
		long deadline = System.nanoTime() + PATIENCE.plusSeconds(5).toNanos();
		while (inFlight.get() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		return new ArrayList<>(outcomes);
	}

	private static HttpRequest request(URI base, Action action, List<SignedIn> users) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		SignedIn user = users.get(random.nextInt(users.size()));
		HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(PATIENCE).header("Accept", "application/json");
		if (action == Action.SIGN_IN) {
			return builder.uri(base.resolve("/api/accounts/sign-in"))
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(
						"{\"login\":\"" + user.handle() + "\",\"password\":\"" + PASSWORD + "\"}"))
				.build();
		}
		builder.header("Authorization", "Bearer " + user.accessToken());
		if (action == Action.POST) {
			return builder.uri(base.resolve("/api/posts"))
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString("{\"caption\":\"blast radius " + random.nextInt(1_000_000) + "\"}"))
				.build();
		}
		String path = switch (action.name()) {
			case "feed" -> "/api/feed?limit=20";
			case "ads" -> "/api/ads/placements?slots=2";
			case "profile" -> "/api/users/"
					+ URLEncoder.encode(users.get(random.nextInt(users.size())).handle(), StandardCharsets.UTF_8);
			default -> throw new IllegalStateException("no request for " + action.name());
		};
		return builder.uri(base.resolve(path)).GET().build();
	}

	private static int status(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && !(cause instanceof IOException)) {
			cause = cause.getCause();
		}
		if (cause instanceof HttpTimeoutException) {
			return Outcome.TIMEOUT;
		}
		if (cause instanceof ConnectException) {
			return Outcome.REFUSED;
		}
		return Outcome.BROKEN;
	}
}
