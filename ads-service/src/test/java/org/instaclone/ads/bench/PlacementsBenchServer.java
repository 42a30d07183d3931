package org.instaclone.ads.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.instaclone.ads.AdsApplication;
import org.instaclone.testsupport.EmbeddedInfrastructure;
import org.instaclone.testsupport.TestTokens;
import org.springframework.boot.SpringApplication;

/**
 * The placements benchmark's server side (docs/performance.md, ads-service), not part of the test
 * run: embedded PostgreSQL 17 and a KRaft broker, ads-service on {@code -Dport} (default 18083)
 * trusting {@link TestTokens}' JWKS, 200 active campaigns (a third targeted at one of 5 hashtags)
 * and 3,000 viewers' real ES256 tokens valid for 2 hours (at 500 requests/s each viewer asks every
 * 6 s, like a person scrolling; with 300 every viewer had used up the frequency cap of all 200
 * campaigns within two minutes, after which the benchmark measured empty answers), written one per line to {@code -Dtokens}
 * (default {@code target/bench-tokens.txt}). It prints the JWKS URL and issuer for a gateway
 * started beside it, then serves until killed. Start it with {@code ads-service/bench/server.sh}.
 * <p>
 * The embedded server commits asynchronously by default (zonky sets {@code synchronous_commit=off});
 * a real PostgreSQL flushes every commit to disk, so the bench turns that back on
 * ({@code -Dsynchronous-commit=on}, the default here) to measure what production pays per commit.
 */
public final class PlacementsBenchServer {

	private PlacementsBenchServer() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.getInteger("port", 18083);
		int campaigns = Integer.getInteger("campaigns", 200);
		int viewers = Integer.getInteger("viewers", 3000);
		Path tokens = Path.of(System.getProperty("tokens", "target/bench-tokens.txt"));
		String synchronousCommit = System.getProperty("synchronous-commit", "on");
		try (Connection connection = EmbeddedInfrastructure.postgres().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			// a database setting wins over the server's command-line options (zonky passes it as -c)
			statement.execute("alter database postgres set synchronous_commit = "
					+ ("off".equals(synchronousCommit) ? "off" : "on"));
		}
		try (Connection connection = EmbeddedInfrastructure.postgres().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("show synchronous_commit")) {
			result.next();
			System.out.println("BENCH synchronous_commit=" + result.getString(1));
		}

		// command-line arguments: they win over application.yml's local defaults (ports 8083, 15432, 19092)
		List<String> arguments = new ArrayList<>(List.of(args));
		Map.of("server.port", String.valueOf(port), "spring.datasource.url", EmbeddedInfrastructure.jdbcUrl(),
				"spring.datasource.username", "postgres", "spring.datasource.password", "postgres",
				"spring.kafka.bootstrap-servers", EmbeddedInfrastructure.kafkaBootstrapServers(),
				"instaclone.security.jwks-uri", TestTokens.jwksUri(), "instaclone.security.issuer", TestTokens.ISSUER,
				"instaclone.security.audience", TestTokens.AUDIENCE)
			.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		SpringApplication.run(AdsApplication.class, arguments.toArray(String[]::new));

		String base = "http://127.0.0.1:" + port;
		String advertiser = token(UUID.randomUUID(), "advertiser");
		HttpClient http = HttpClient.newHttpClient();
		String[] tags = { "cats", "dogs", "travel", "food", "fitness" };
		Pattern id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
		for (int i = 1; i <= campaigns; i++) {
			String targeting = i % 3 == 0 ? "[\"" + tags[i % 5] + "\"]" : "[]";
			String body = """
					{"name":"bench %d","headline":"Offer %d","mediaKey":"%064x.jpg","callToActionUrl":"https://shop.example/%d",
					 "targetHashtags":%s,"dailyBudgetCents":10000000,"bidCpmCents":%d}"""
				.formatted(i, i, i, i, targeting, (i * 7919) % 5000 + 100);
			String created = send(http, HttpRequest.newBuilder(URI.create(base + "/api/ads/campaigns"))
				.header("Authorization", "Bearer " + advertiser)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
			Matcher m = id.matcher(created);
			if (!m.find()) {
				throw new IllegalStateException("no campaign id in " + created);
			}
			send(http, HttpRequest.newBuilder(URI.create(base + "/api/ads/campaigns/" + m.group(1) + "/activate"))
				.header("Authorization", "Bearer " + advertiser)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build());
		}
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < viewers; i++) {
			lines.add(token(UUID.randomUUID(), "viewer" + i));
		}
		Files.createDirectories(tokens.toAbsolutePath().getParent());
		Files.write(tokens, lines);
		System.out.println("BENCH READY ads-service " + base + " campaigns=" + campaigns + " viewers=" + viewers
				+ " tokens=" + tokens.toAbsolutePath());
		System.out.println("BENCH JWKS " + TestTokens.jwksUri() + " ISSUER " + TestTokens.ISSUER);
		System.out.println("BENCH JDBC " + EmbeddedInfrastructure.jdbcUrl());
	}

	private static String token(UUID user, String handle) {
		Instant exp = Instant.now().plusSeconds(7_200);
		return TestTokens.token(user, handle, header -> {
		}, claims -> claims.expirationTime(Date.from(exp)));
	}

	private static String send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}
}
