package org.instaclone.upload.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feed freshness (issue 3: a new post is in every follower's feed within 5 s), against the
 * {@link FeedBenchServer} directly or through a gateway: an author publishes a post, then followers
 * read their feed (each every 200 ms) until the post is in it; the time counts from just before the
 * {@code POST}. Run for an author just under the celebrity threshold (fanned out on write) and for
 * a celebrity (merged at read time). Not a unit test: {@code upload-service/bench/feed.sh} runs it.
 * <p>
 * {@code java ... FreshnessCheck <base-url> [rounds=5] [followers=50]}, in {@code upload-service/}.
 */
public final class FreshnessCheck {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private FreshnessCheck() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		int sample = args.length > 2 ? Integer.parseInt(args[2]) : 50;
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();
		List<String> followers = Files.readAllLines(Path.of("target/bench-feed-followers.txt")).subList(0, sample);
		ExecutorService pool = Executors.newFixedThreadPool(sample);
		try {
			for (String who : List.of("author", "celebrity")) {
				String author = Files.readString(Path.of("target/bench-feed-" + who + ".txt")).strip();
				List<Long> publish = new ArrayList<>();
				List<Long> seen = new ArrayList<>();
				for (int round = 0; round < rounds; round++) {
					long start = System.nanoTime();
					HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/posts"))
						.header("Authorization", "Bearer " + author)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"caption\":\"fresh " + UUID.randomUUID() + "\"}"))
						.build(), HttpResponse.BodyHandlers.ofString());
					publish.add(System.nanoTime() - start);
					Matcher id = ID.matcher(created.body());
					if (created.statusCode() != 201 || !id.find()) {
						throw new IllegalStateException("POST /api/posts answered " + created.statusCode() + ": " + created.body());
					}
					List<Future<Long>> waits = new ArrayList<>();
					for (String follower : followers) {
						waits.add(pool.submit(() -> untilSeen(http, base, follower, id.group(1), start)));
					}
					for (Future<Long> wait : waits) {
						seen.add(wait.get());
					}
					Thread.sleep(1_000);
				}
				long[] s = seen.stream().mapToLong(Long::longValue).sorted().toArray();
				long[] p = publish.stream().mapToLong(Long::longValue).sorted().toArray();
				System.out.printf("freshness %s (%s): %d posts x %d followers; POST p50 %.0f ms, max %.0f ms; in the "
						+ "follower's feed after p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", who,
						who.equals("author") ? "4,999 followers, fanned out" : "celebrity, merged at read time", rounds,
						sample, ms(p, 50), p[p.length - 1] / 1e6, ms(s, 50), ms(s, 99), s[s.length - 1] / 1e6);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Reads the follower's first feed page every 200 ms until the post is on it (at most 30 s). */
	private static long untilSeen(HttpClient http, String base, String token, String postId, long start) throws Exception {
		HttpRequest feed = HttpRequest.newBuilder(URI.create(base + "/api/feed?limit=20"))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(10))
			.build();
		while (System.nanoTime() - start < Duration.ofSeconds(30).toNanos()) {
			HttpResponse<String> page = http.send(feed, HttpResponse.BodyHandlers.ofString());
			if (page.statusCode() == 200 && page.body().contains(postId)) {
				return System.nanoTime() - start;
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("post " + postId + " not in a follower's feed after 30 s");
	}

	private static double ms(long[] sorted, double percentile) {
		int i = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
	}
}
