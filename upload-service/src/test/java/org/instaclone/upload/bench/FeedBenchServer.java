package org.instaclone.upload.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.instaclone.testsupport.EmbeddedInfrastructure;
import org.instaclone.testsupport.TestTokens;
import org.instaclone.upload.UploadApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The home-feed benchmark's server side (docs/performance.md, upload-service), not part of the test
 * run: upload-service on {@code -Dport} (default 18082) with embedded PostgreSQL 17 and a KRaft
 * broker, trusting {@link TestTokens}' JWKS. It seeds 10,000 users, a skewed follow graph (5
 * celebrities followed by 80% of users, everyone else following 10 accounts picked with a power-law
 * bias) and 200,000 posts over 30 days, materialises the timelines with the same statement as the
 * fan-out, and writes real ES256 tokens (valid 2 hours) to {@code target/}: {@code bench-feed-light.txt}
 * (a viewer following 10 accounts plus the celebrities), {@code bench-feed-heavy.txt} (2,000 plus the
 * celebrities), {@code bench-feed-viewers.txt} (1,000 random users), and for {@link FreshnessCheck} an
 * author with 4,999 followers ({@code bench-feed-author.txt}, just under the celebrity threshold), a
 * celebrity ({@code bench-feed-celebrity.txt}) and 200 users following both
 * ({@code bench-feed-followers.txt}). Then it prints
 * {@code BENCH READY} and the JWKS URL and serves until killed. Started by
 * {@code upload-service/bench/feed.sh}.
 */
public final class FeedBenchServer {

	private FeedBenchServer() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.getInteger("port", 18082);
		List<String> arguments = new ArrayList<>(List.of(args));
		Map.of("server.port", String.valueOf(port), "spring.datasource.url", EmbeddedInfrastructure.jdbcUrl(),
				"spring.datasource.username", "postgres", "spring.datasource.password", "postgres",
				"spring.kafka.bootstrap-servers", EmbeddedInfrastructure.kafkaBootstrapServers(),
				"instaclone.security.jwks-uri", TestTokens.jwksUri(), "instaclone.security.issuer", TestTokens.ISSUER,
				"instaclone.security.audience", TestTokens.AUDIENCE, "instaclone.media.local.root", "target/bench-media",
				"logging.level.root", "WARN")
			.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		ConfigurableApplicationContext app = SpringApplication.run(UploadApplication.class, arguments.toArray(String[]::new));
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		long t = System.nanoTime();
		seed(jdbc);
		System.out.printf("seeded in %d s: %s%n", (System.nanoTime() - t) / 1_000_000_000, counts(jdbc));
		Path target = Path.of("target");
		Files.writeString(target.resolve("bench-feed-light.txt"), token(user(10_001)) + "\n");
		Files.writeString(target.resolve("bench-feed-heavy.txt"), token(user(10_002)) + "\n");
		List<String> viewers = new ArrayList<>();
		for (int n = 6; n <= 10_000; n += 10) {
			viewers.add(token(user(n)));
		}
		Files.write(target.resolve("bench-feed-viewers.txt"), viewers);
		// freshness (FreshnessCheck): an author just under the celebrity threshold, a celebrity, and 200
		// users who follow both
		Files.writeString(target.resolve("bench-feed-author.txt"), token(user(10_003)) + "\n");
		Files.writeString(target.resolve("bench-feed-celebrity.txt"), token(user(1)) + "\n");
		List<String> followers = new ArrayList<>();
		for (int n = 6; followers.size() < 200; n += 19) {
			if ((n * 7 + 1) % 5 != 0) {
				followers.add(token(user(n)));
			}
		}
		Files.write(target.resolve("bench-feed-followers.txt"), followers);
		for (int n : new int[] { 10_001, 10_002 }) {
			System.out.printf("viewer %d follows %d accounts%n", n, jdbc.sql("select count(*) from follow_edge where follower_id = ?")
				.param(user(n)).query(Long.class).single());
		}
		System.out.println("BENCH READY upload-service http://127.0.0.1:" + port);
		System.out.println("BENCH JWKS " + TestTokens.jwksUri() + " ISSUER " + TestTokens.ISSUER);
		System.out.println("BENCH POSTGRES " + EmbeddedInfrastructure.jdbcUrl());
	}

	private static String token(UUID user) {
		Instant exp = Instant.now().plusSeconds(7_200);
		return TestTokens.token(user, "bench", header -> {
		}, claims -> claims.expirationTime(Date.from(exp)));
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
		jdbc.sql("create table bench_user as select n, md5('u' || n)::uuid as id from generate_series(1, 10003) n").update();
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
		// the freshness author: 4,999 followers, just under the celebrity threshold (5,000), so fanned out
		jdbc.sql("""
				insert into follow_edge (follower_id, followee_id, since)
				select f.id, a.id, now() from bench_user f join bench_user a on a.n = 10003
				where f.n between 6 and 5004""").update();
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
		// every post a photo as the pipeline stores it (4 variants) and one or two hashtags, so that a
		// feed page reads and serialises what a real one does
		jdbc.sql("""
				insert into post_image (post_id, kind, media_key, width, height, bytes)
				select p.id, v.kind, encode(sha256((p.id::text || v.kind)::bytea), 'hex') || '.jpg', v.w, v.h, v.w * 200
				from post p cross join (values ('w1080', 1080, 1350), ('w640', 640, 800), ('w320', 320, 400),
				  ('thumb150', 150, 150)) v(kind, w, h)""").update();
		jdbc.sql("""
				insert into post_hashtag (tag, post_id, created_at)
				select (array['cats', 'travel', 'food', 'dogs', 'fitness'])[1 + abs(hashtext(p.id::text)) % 5], p.id, p.created_at
				from post p
				union all
				select 'photooftheday', p.id, p.created_at from post p where abs(hashtext(p.id::text || 'x')) % 2 = 0""").update();
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
}
