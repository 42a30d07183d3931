package org.instaclone.metrics.view;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.instaclone.metrics.MetricsApplication;
import org.instaclone.metrics.rollup.Grain;
import org.instaclone.metrics.rollup.Metric;
import org.instaclone.metrics.rollup.Resolution;
import org.instaclone.metrics.rollup.Rollups;
import org.instaclone.testsupport.EmbeddedInfrastructure;
import org.instaclone.testsupport.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test (run with {@code metrics-service/benchmark.sh}, see
 * docs/performance.md). Starts metrics-service on embedded PostgreSQL and Kafka, then in the same run:
 * <ol>
 * <li>COPY: a bare {@code COPY post_view FROM STDIN} of the same rows (the ceiling);</li>
 * <li>pipeline: the same rows through {@link ViewIngestion} (bounded queue, batched writer, dedupe and
 * rollups), submitted as 100-view beacons by several producers that back off on 503 and resend, and
 * a check that every view is stored and counted once (nothing dropped);</li>
 * <li>COPY again (the machine is shared and noisy);</li>
 * <li>queries: 30 days of minute rollups for every platform metric, then platform series read from
 * the database and over HTTP (minute over 48 h, minute over 30 days, hour over 30 days, day over 30
 * days, random windows), p50/p99.</li>
 * </ol>
 * Sizes: {@code -Dviews=1000000 -Dproducers=4 -Dqueries=2000}; writers and batch size come from
 * {@code instaclone.views.*} ({@code -Dinstaclone.views.writers=2}).
 */
public final class ViewIngestionBenchmark {

	private static final int BEACON = 100;

	private ViewIngestionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int views = Integer.getInteger("views", 1_000_000);
		int producers = Integer.getInteger("producers", 4);
		int queries = Integer.getInteger("queries", 2000);
		Map.of("spring.datasource.url", EmbeddedInfrastructure.jdbcUrl(), "spring.datasource.username", "postgres",
				"spring.datasource.password", "postgres", "spring.kafka.bootstrap-servers",
				EmbeddedInfrastructure.kafkaBootstrapServers(), "instaclone.security.jwks-uri", TestTokens.jwksUri(),
				"instaclone.security.issuer", TestTokens.ISSUER, "instaclone.security.audience", TestTokens.AUDIENCE,
				"server.port", "0", "logging.level.root", "warn")
			.forEach(System::setProperty); // above application.yml, as in the tests
		ConfigurableApplicationContext context = new SpringApplicationBuilder(MetricsApplication.class).run(args);
		try {
			DataSource dataSource = context.getBean(DataSource.class);
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			ViewIngestion ingestion = context.getBean(ViewIngestion.class);
			ViewProperties properties = context.getBean(ViewProperties.class);
			System.out.printf("views=%d producers=%d writers=%d batch-size=%d queue-capacity=%d cpus=%d%n", views,
					producers, properties.writers(), properties.batchSize(), properties.queueCapacity(),
					Runtime.getRuntime().availableProcessors());

			List<ViewStore.Row> rows = rows(views);
			double copy1 = copy(dataSource, rows);
			jdbc.execute("truncate post_view");
			jdbc.execute("vacuum analyze post_view");
			double pipeline = pipeline(ingestion, rows, producers, jdbc);
			jdbc.execute("truncate post_view");
			jdbc.execute("vacuum analyze post_view");
			double copy2 = copy(dataSource, rows);
			jdbc.execute("truncate post_view");
			double copy = (copy1 + copy2) / 2;
			System.out.printf("RESULT copy=%.0f rows/s (%.0f, %.0f)  pipeline=%.0f views/s  ratio=%.2f%n", copy, copy1,
					copy2, pipeline, pipeline / copy);

			if (queries > 0) {
				int port = ((WebServerApplicationContext) context).getWebServer().getPort();
				queries(jdbc, context.getBean(Rollups.class), port, queries);
			}
		}
		finally {
			context.close();
			System.exit(0); // the embedded broker and database have no other way to stop promptly
		}
	}

	/**
	 * Views as clients send them: many viewers; 80% of views on 1,000 popular posts, the rest spread over
	 * 100,000; viewed in the last minute.
	 */
	private static List<ViewStore.Row> rows(int n) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		UUID[] hot = new UUID[1_000];
		UUID[] tail = new UUID[100_000];
		Arrays.setAll(hot, i -> UUID.randomUUID());
		Arrays.setAll(tail, i -> UUID.randomUUID());
		UUID[] viewers = new UUID[100_000];
		Arrays.setAll(viewers, i -> UUID.randomUUID());
		Instant now = Instant.now();
		List<ViewStore.Row> rows = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			UUID post = random.nextInt(10) < 8 ? hot[random.nextInt(hot.length)] : tail[random.nextInt(tail.length)];
			rows.add(new ViewStore.Row(viewers[random.nextInt(viewers.length)], UUID.randomUUID(), post,
					now.minusMillis(random.nextInt(60_000))));
		}
		return rows;
	}

	private static double copy(DataSource dataSource, List<ViewStore.Row> rows) throws Exception {
		long start = System.nanoTime();
		try (Connection connection = dataSource.getConnection()) {
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy post_view (viewer_id, event_id, post_id, viewed_at) from stdin (format csv)");
			StringBuilder chunk = new StringBuilder(1 << 20);
			for (int i = 0; i < rows.size(); i++) {
				ViewStore.Row row = rows.get(i);
				chunk.append(row.viewerId()).append(',').append(row.eventId()).append(',').append(row.postId())
					.append(',').append(row.viewedAt()).append('\n');
				if (chunk.length() > (1 << 20) - 200 || i == rows.size() - 1) {
					byte[] bytes = chunk.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
					copy.writeToCopy(bytes, 0, bytes.length);
					chunk.setLength(0);
				}
			}
			long copied = copy.endCopy();
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("COPY: %d rows in %.2f s = %.0f rows/s%n", copied, seconds, copied / seconds);
			return copied / seconds;
		}
	}

	private static double pipeline(ViewIngestion ingestion, List<ViewStore.Row> rows, int producers, JdbcTemplate jdbc)
			throws Exception {
		long platformBefore = platformViews(jdbc);
		AtomicInteger next = new AtomicInteger();
		AtomicLong refused = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		long start = System.nanoTime();
		for (int p = 0; p < producers; p++) {
			Thread producer = new Thread(() -> {
				// like clients waiting for their 202s: each producer keeps its share of the queue in flight
				java.util.ArrayDeque<CompletableFuture<Void>> outstanding = new java.util.ArrayDeque<>();
				int inFlight = Math.max(1, ingestion.capacity() / BEACON / producers);
				int from;
				while ((from = next.getAndAdd(BEACON)) < rows.size()) {
					List<ViewStore.Row> beacon = rows.subList(from, Math.min(from + BEACON, rows.size()));
					while (outstanding.size() >= inFlight) {
						outstanding.poll().join();
					}
					while (true) {
						try {
							outstanding.add(ingestion.submit(beacon));
							break;
						}
						catch (ViewsBusyException busy) { // 503: wait, send the same beacon again
							refused.incrementAndGet();
							if (!outstanding.isEmpty()) {
								outstanding.poll().join();
							}
							else {
								Thread.yield();
							}
						}
					}
				}
				outstanding.forEach(CompletableFuture::join); // a failed write would throw here
			});
			producer.start();
			threads.add(producer);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long stored = jdbc.queryForObject("select count(*) from post_view", Long.class);
		long counted = platformViews(jdbc) - platformBefore;
		System.out.printf("pipeline: %d views in %.2f s = %.0f views/s; stored %d, counted %d; 503s (resent) %d%n",
				rows.size(), seconds, rows.size() / seconds, stored, counted, refused.get());
		if (stored != rows.size() || counted != rows.size()) {
			throw new IllegalStateException("views were dropped or double-counted");
		}
		return rows.size() / seconds;
	}

	private static long platformViews(JdbcTemplate jdbc) {
		return jdbc.queryForObject(
				"select coalesce(sum(value), 0) from rollup where metric = 'views' and grain = 'day'", Long.class);
	}

	private static void queries(JdbcTemplate jdbc, Rollups rollupStore, int port, int n) throws IOException, InterruptedException {
		Instant end = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		Instant start = end.minus(java.time.Duration.ofDays(30));
		for (String metric : List.of("signups", "follows", "unfollows", "posts", "views", "ad-impressions",
				"ad-clicks", "ad-spend-millicents")) {
			for (String grain : List.of("minute", "hour", "day")) {
				jdbc.update("""
						insert into rollup (metric, subject_id, grain, bucket, value)
						select ?, '00000000-0000-0000-0000-000000000000', ?, b, (random() * 100)::int
						from generate_series(date_trunc(?, ?::timestamptz, 'UTC'), ?::timestamptz, ('1 ' || ?)::interval) b
						on conflict do nothing""", metric, grain, grain, java.sql.Timestamp.from(start),
						java.sql.Timestamp.from(end), grain);
			}
		}
		jdbc.execute("vacuum analyze rollup");
		long rollups = jdbc.queryForObject("select count(*) from rollup", Long.class);
		System.out.printf("rollup rows: %d (30 days of minutes, hours and days for 8 platform metrics, plus the run's views)%n",
				rollups);
		String token = "Bearer " + TestTokens.token(UUID.randomUUID(), "ops", h -> {
		}, c -> c.claim("roles", List.of("operator")));
		HttpClient http = HttpClient.newHttpClient();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String[] metrics = { "views", "signups", "follows", "ad-impressions" };
		record Shape(String grain, java.time.Duration span) {
		}
		List<Shape> shapes = List.of(new Shape("minute", java.time.Duration.ofHours(48)),
				new Shape("minute", java.time.Duration.ofDays(30)), new Shape("hour", java.time.Duration.ofDays(30)),
				new Shape("day", java.time.Duration.ofDays(30)));
		for (Shape shape : shapes) { // the database read alone (Rollups.series as the API plans it, with zero fill)
			Grain grain = Grain.of(shape.grain()).orElseThrow();
			long[] nanos = new long[n];
			for (int i = -200; i < n; i++) {
				java.time.Duration slack = java.time.Duration.ofDays(30).minus(shape.span());
				Instant from = start.plusSeconds(slack.isZero() ? 0 : random.nextLong(slack.toSeconds()));
				Metric metric = Metric.platformMetric(metrics[random.nextInt(metrics.length)]).orElseThrow();
				long t0 = System.nanoTime();
				rollupStore.series(metric, Rollups.PLATFORM,
						Resolution.of(grain, from, from.plus(shape.span())).orElseThrow());
				if (i >= 0) {
					nanos[i] = System.nanoTime() - t0;
				}
			}
			Arrays.sort(nanos);
			System.out.printf("RESULT read %s over %s: p50=%.1f ms p99=%.1f ms max=%.1f ms (%d reads)%n", shape.grain(),
					shape.span(), nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6, nanos[n - 1] / 1e6, n);
		}
		for (Shape shape : shapes) { // the whole API call over HTTP: token check, query, JSON
			long[] nanos = new long[n];
			long bytes = 0;
			for (int i = -200; i < n; i++) { // 200 warm-up requests
				java.time.Duration slack = java.time.Duration.ofDays(30).minus(shape.span());
				Instant from = start.plusSeconds(slack.isZero() ? 0 : random.nextLong(slack.toSeconds()));
				URI uri = URI.create("http://127.0.0.1:" + port + "/api/metrics/platform/series?metric="
						+ metrics[random.nextInt(metrics.length)] + "&granularity=" + shape.grain() + "&from=" + from
						+ "&to=" + from.plus(shape.span()));
				long t0 = System.nanoTime();
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(uri).header("Authorization", token).build(),
						HttpResponse.BodyHandlers.ofString());
				long elapsed = System.nanoTime() - t0;
				if (response.statusCode() != 200) {
					throw new IllegalStateException(response.statusCode() + " " + response.body());
				}
				if (i >= 0) {
					nanos[i] = elapsed;
					bytes += response.body().length();
				}
			}
			Arrays.sort(nanos);
			System.out.printf("RESULT http %s over %s: p50=%.1f ms p99=%.1f ms max=%.1f ms (%d requests, %d KB avg)%n",
					shape.grain(), shape.span(), nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6, nanos[n - 1] / 1e6,
					n, bytes / n / 1024);
		}
	}

}
