package org.instaclone.upload;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.instaclone.testsupport.EmbeddedInfrastructure;
import org.instaclone.testsupport.TestTokens;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The home feed under load, over HTTP straight to upload-service (the gateway is not in the path).
 * Starts the real service on embedded PostgreSQL 17 and Kafka, seeds 10,000 users, a skewed follow
 * graph (5 celebrities followed by 80% of users, everyone else following 10 accounts picked with a
 * power-law bias) and 200,000 posts, materialises the timelines with the same statement as the
 * fan-out, then reads {@code GET /api/feed} at a fixed rate for a viewer following 10 accounts and
 * one following 2,000 (both plus the celebrities). Not a unit test: run
 * {@code upload-service/bench/feed.sh}.
 */
public final class FeedBenchmark {

	public static void main(String[] args) throws Exception {
		int rate = args.length > 0 ? Integer.parseInt(args[0]) : 300;
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
		ConfigurableApplicationContext app = SpringApplication.run(UploadApplication.class,
				"--spring.config.location=classpath:/application.yml", "--server.port=0",
				"--spring.datasource.url=" + EmbeddedInfrastructure.jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres",
				"--spring.kafka.bootstrap-servers=" + EmbeddedInfrastructure.kafkaBootstrapServers(),
				"--instaclone.security.jwks-uri=" + TestTokens.jwksUri(), "--instaclone.security.issuer=" + TestTokens.ISSUER,
				"--instaclone.security.audience=" + TestTokens.AUDIENCE, "--instaclone.media.local.root=target/bench-media",
				"--logging.level.root=WARN");
		try {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			long t = System.nanoTime();
			seed(jdbc);
			System.out.printf("seeded in %d s: %s%n", (System.nanoTime() - t) / 1_000_000_000, counts(jdbc));
			UUID light = user(10_001);
			UUID heavy = user(10_002);
			for (UUID viewer : List.of(light, heavy, light, heavy)) {
				long followees = jdbc.sql("select count(*) from follow_edge where follower_id = ?").param(viewer)
					.query(Long.class).single();
				System.out.printf("viewer following %d: %s%n", followees, load(port, viewer, rate, seconds));
			}
		}
		finally {
			app.close();
		}
		// the embedded PostgreSQL and Kafka of test-support keep non-daemon threads; stop them with the JVM
		System.exit(0);
	}

	/** The id the seed gives user n: {@code md5('u' || n)::uuid}. */
	static UUID user(int n) throws Exception {
		byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest(("u" + n).getBytes());
		String hex = java.util.HexFormat.of().formatHex(md5);
		return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
				+ hex.substring(16, 20) + "-" + hex.substring(20));
	}

	private static void seed(JdbcClient jdbc) {
		// plain tables (not temporary: pooled connections would not see them), random picks materialised
		// first so that every row draws its own number exactly once
		jdbc.sql("create table bench_user as select n, md5('u' || n)::uuid as id from generate_series(1, 10002) n").update();
		jdbc.sql("create unique index on bench_user (n)").update();
		// 5 celebrities followed by 80% of the users
		jdbc.sql("""
				insert into follow_edge (follower_id, followee_id, since)
				select f.id, c.id, now() from bench_user f join bench_user c on c.n <= 5
				where f.n > 5 and f.n <= 10000 and (f.n * 7 + c.n) % 5 <> 0""").update();
		// everyone else follows 10 accounts, biased towards low numbers (popular ones)
		jdbc.sql("""
				create table bench_pick as select f as follower_n, (6 + floor(9994 * power(random(), 3)))::int as followee_n
				from generate_series(6, 10000) f cross join generate_series(1, 10) k""").update();
		jdbc.sql("""
				insert into follow_edge (follower_id, followee_id, since)
				select a.id, b.id, now() from bench_pick p join bench_user a on a.n = p.follower_n
				join bench_user b on b.n = p.followee_n where p.follower_n <> p.followee_n
				on conflict do nothing""").update();
		// the two measured viewers: 10 and 2,000 followees (plus the celebrities)
		jdbc.sql("""
				insert into follow_edge (follower_id, followee_id, since)
				select v.id, e.id, now() from bench_user v join bench_user e
				  on (v.n = 10001 and (e.n <= 5 or e.n between 6 and 15)) or (v.n = 10002 and (e.n <= 5 or e.n between 6 and 2005))
				on conflict do nothing""").update();
		jdbc.sql("insert into author_stats (author_id, followers) select followee_id, count(*) from follow_edge group by followee_id")
			.update();
		// 200,000 posts by random authors over the last 30 days
		jdbc.sql("""
				create table bench_post as select g, 1 + floor(random() * 10000)::int as author_n,
				now() - random() * interval '30 days' as at from generate_series(1, 200000) g""").update();
		jdbc.sql("""
				insert into post (id, author_id, author_handle, caption, created_at)
				select gen_random_uuid(), u.id, 'user' || u.n, 'post ' || p.g, p.at
				from bench_post p join bench_user u on u.n = p.author_n""").update();
		// the fan-out on write, all at once: own posts, and followers' rows for non-celebrity authors
		jdbc.sql("insert into timeline select p.author_id, p.id, p.author_id, p.created_at from post p").update();
		jdbc.sql("""
				insert into timeline select e.follower_id, p.id, p.author_id, p.created_at
				from follow_edge e join author_stats s on s.author_id = e.followee_id and s.followers <= 5000
				join post p on p.author_id = e.followee_id
				on conflict do nothing""").update();
		jdbc.sql("analyze").update();
	}

	private static String counts(JdbcClient jdbc) throws Exception {
		return "users 10,002, follow edges " + jdbc.sql("select count(*) from follow_edge").query(Long.class).single()
				+ ", posts " + jdbc.sql("select count(*) from post").query(Long.class).single() + ", timeline rows "
				+ jdbc.sql("select count(*) from timeline").query(Long.class).single() + " (heavy viewer "
				+ jdbc.sql("select count(*) from timeline where viewer_id = ?").param(user(10_002)).query(Long.class).single()
				+ "), celebrities "
				+ jdbc.sql("select count(*) from author_stats where followers > 5000").query(Long.class).single();
	}

	/** Open-loop load: a request every 1/rate s whatever the answers do; latency from the planned start. */
	private static String load(int port, UUID viewer, int rate, int seconds) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/feed?limit=20"))
			.header("Authorization", "Bearer " + TestTokens.accessToken(viewer, "viewer"))
			.timeout(Duration.ofSeconds(10))
			.build();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger errors = new AtomicInteger();
		List<CompletableFuture<?>> inFlight = new ArrayList<>();
		long intervalNanos = 1_000_000_000L / rate;
		long start = System.nanoTime();
		for (int i = 0; i < rate * seconds; i++) {
			long planned = start + i * intervalNanos;
			long wait = planned - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, ex) -> {
				if (ex != null || response.statusCode() != 200) {
					errors.incrementAndGet();
				}
				else {
					latencies.add(System.nanoTime() - planned);
				}
			}));
		}
		CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(ex -> null).join();
		double took = (System.nanoTime() - start) / 1e9;
		Collections.sort(latencies);
		return String.format("%d requests at %d/s in %.1f s, errors %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
				rate * seconds, rate, took, errors.get(), pct(latencies, 0.50), pct(latencies, 0.99),
				latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1) / 1e6);
	}

	private static double pct(List<Long> sorted, double q) {
		return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
	}
}
