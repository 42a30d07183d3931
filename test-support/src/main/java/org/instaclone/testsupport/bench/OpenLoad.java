package org.instaclone.testsupport.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model HTTP load generator for the benchmarks in docs/performance.md: GET requests start on
 * a fixed schedule ({@code rate} per second) whatever the answers do, and each latency is measured
 * from the request's scheduled start, so a stall shows in the percentiles instead of silently
 * lowering the rate (no coordinated omission, unlike a closed loop). Each request: a random token
 * from the tokens file (one per line; {@code -}: no token) and a random one of the {@code |}-separated paths.
 * <p>
 * At most {@value #MAX_IN_FLIGHT} requests are outstanding: a request due while that many are
 * still waiting is not sent and counted as dropped (a failure), so a stalled server is reported
 * instead of being buried under tens of thousands of connections.
 * <p>
 * {@code java ... OpenLoad <base-url> <path[|path...]> <rate per s> <seconds> <tokens file> [warm-up seconds]},
 * e.g. {@code OpenLoad http://127.0.0.1:8080 '/api/feed?limit=20' 300 60 tokens.txt 30}.
 * With {@code -Dopenload.per-second=true} it also prints one line per second of the measured run
 * ({@code second <epoch s> <completed> <p50 ms> <p99 ms> <max ms>}, by scheduled start), to see
 * when in a run the tail happened.
 */
public final class OpenLoad {

	static final int MAX_IN_FLIGHT = 512;

	private OpenLoad() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String[] paths = args[1].split("\\|");
		int rate = Integer.parseInt(args[2]);
		int seconds = Integer.parseInt(args[3]);
		List<String> tokens = args[4].equals("-") ? List.of() : Files.readAllLines(Path.of(args[4]));
		int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 0;
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(2))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		if (warmup > 0) {
			run(http, base, paths, rate, warmup, tokens);
		}
		Result result = run(http, base, paths, rate, seconds, tokens);
		if (Boolean.getBoolean("openload.per-second")) {
			printPerSecond(result, rate, seconds);
		}
		long[] l = result.latencies;
		Arrays.sort(l);
		System.out.printf("open model %s%s: offered %d req/s for %d s; sent %d, completed %d (%.0f req/s), non-2xx %d, "
				+ "errors %d, dropped %d, degraded %d%n  latency from scheduled start: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
				+ "p99.9 %.2f ms, max %.2f ms%n", base, paths.length == 1 ? paths[0] : " (" + paths.length + " paths)", rate, seconds, result.sent, l.length,
				l.length / (double) seconds, result.non2xx, result.errors, result.dropped, result.degraded, ms(l, 50), ms(l, 90),
				ms(l, 99), ms(l, 99.9), l.length == 0 ? 0 : l[l.length - 1] / 1e6);
		System.exit(0);
	}

	private static Result run(HttpClient http, String base, String[] paths, int rate, int seconds, List<String> tokens)
			throws InterruptedException {
		int total = rate * seconds;
		long[] latencies = new long[total];
		long[] bySchedule = new long[total];
		Arrays.fill(bySchedule, -1);
		AtomicInteger done = new AtomicInteger();
		AtomicInteger non2xx = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger degraded = new AtomicInteger();
		AtomicInteger inFlight = new AtomicInteger();
		int dropped = 0;
		AtomicLong index = new AtomicLong();
		long interval = 1_000_000_000L / rate;
		long start = System.nanoTime() + 50_000_000L;
		long startMillis = System.currentTimeMillis() + 50;
		for (int i = 0; i < total; i++) {
			long scheduled = start + i * interval;
			long wait = scheduled - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			if (inFlight.get() >= MAX_IN_FLIGHT) {
				dropped++;
				continue;
			}
			inFlight.incrementAndGet();
			ThreadLocalRandom random = ThreadLocalRandom.current();
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + paths[random.nextInt(paths.length)]))
				.timeout(Duration.ofSeconds(10))
				.GET();
			if (!tokens.isEmpty()) {
				builder.header("Authorization", "Bearer " + tokens.get(random.nextInt(tokens.size())));
			}
			HttpRequest request = builder.build();
			int scheduledIndex = i;
			http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
				long latency = System.nanoTime() - scheduled;
				inFlight.decrementAndGet();
				if (failure != null) {
					if (errors.getAndIncrement() == 0) {
						System.err.println("first failure: " + failure);
					}
				}
				else {
					if (response.statusCode() / 100 != 2) {
						non2xx.incrementAndGet();
					}
					if (response.headers().firstValue("Instaclone-Degraded").isPresent()) {
						degraded.incrementAndGet();
					}
				}
				latencies[(int) index.getAndIncrement()] = latency;
				bySchedule[scheduledIndex] = latency;
				done.incrementAndGet();
			});
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (done.get() < total - dropped && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		int completed = (int) Math.min(index.get(), total);
		return new Result(total, Arrays.copyOf(latencies, completed), non2xx.get(), errors.get(), dropped,
				degraded.get(), bySchedule, startMillis);
	}

	/** One line per second of the run: the requests scheduled in it that completed, and their latencies. */
	private static void printPerSecond(Result result, int rate, int seconds) {
		for (int second = 0; second < seconds; second++) {
			long[] l = Arrays.stream(result.bySchedule, second * rate, (second + 1) * rate).filter(v -> v >= 0).sorted().toArray();
			System.out.printf("second %d %d %.2f %.2f %.2f%n", result.startMillis / 1000 + second, l.length, ms(l, 50),
					ms(l, 99), l.length == 0 ? 0 : l[l.length - 1] / 1e6);
		}
	}

	private static double ms(long[] sorted, double percentile) {
		if (sorted.length == 0) {
			return 0;
		}
		int i = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
	}

	private record Result(int sent, long[] latencies, int non2xx, int errors, int dropped, int degraded,
			long[] bySchedule, long startMillis) {
	}
}
