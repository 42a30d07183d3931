package org.instaclone.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.instaclone.systemtests.LocalRunnerProcess.isListening;
import static org.instaclone.systemtests.LocalRunnerProcess.sleep;

/**
 * The same {@link SystemScenario} against the monolith twin, started as the README says
 * ({@code java -jar monolith/target/monolith.jar}) on port 8090 with a fresh data folder and its own
 * embedded PostgreSQL (port 15443), so it never meets the microservices' ports. The follow event is
 * read where the monolith's transport leaves it: follow-service's outbox row, acknowledged
 * ({@code sent_at}) only once every in-process listener took it.
 */
class MonolithSystemIT extends SystemScenario {

	private static final int PORT = 8090;

	private static final int POSTGRES_PORT = 15443;

	private static final String READY_LINE = "Instaclone monolith ready";

	private @Nullable Process monolith;

	private @Nullable Path output;

	private @Nullable Path dataDir;

	@BeforeAll
	void startTheMonolith() throws Exception {
		assertThat(this.home.resolve("monolith/target/monolith.jar"))
			.as("the monolith must be packaged before the system tests run (./mvnw verify does that)")
			.isRegularFile();
		for (int port : new int[] { PORT, POSTGRES_PORT }) {
			assertThat(isListening(port)).as("port %d must be free before the system test starts", port).isFalse();
		}
		String run = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
		this.dataDir = this.home.resolve("system-tests/target/monolith-run-" + run);
		Files.createDirectories(this.dataDir);
		start(this.dataDir.resolveSibling(this.dataDir.getFileName() + ".out"));
	}

	/** Starts the monolith on {@link #dataDir} and waits for its ready line in {@code output}. */
	private void start(Path output) throws Exception {
		Path dataDir = this.dataDir;
		assertThat(dataDir).isNotNull();
		this.output = output;
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(java, "-jar", "monolith/target/monolith.jar")
			.directory(this.home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().put("SERVER_PORT", String.valueOf(PORT));
		builder.environment().put("INSTACLONE_MONOLITH_DATA", dataDir.toString());
		builder.environment().put("INSTACLONE_MONOLITH_POSTGRES_PORT", String.valueOf(POSTGRES_PORT));
		Process started = builder.start();
		this.monolith = started;
		Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
		while (!output().contains(READY_LINE)) {
			assertThat(started.isAlive()).as("the monolith exited with %s:\n%s", started.isAlive() ? "" : started.exitValue(),
					tail()).isTrue();
			assertThat(Instant.now()).as("the monolith was not ready within 180 s:\n%s", tail()).isBefore(deadline);
			sleep(Duration.ofMillis(250));
		}
	}

	@Override
	String baseUrl() {
		return "http://localhost:" + PORT;
	}

	@Override
	String screenshots() {
		return "system-tests/target/screenshots-monolith";
	}

	@Override
	JsonNode awaitFollowCreatedEvent(String followerId, String followeeId, Duration timeout) throws Exception {
		Instant deadline = Instant.now().plus(timeout);
		String url = "jdbc:postgresql://localhost:" + POSTGRES_PORT + "/instaclone";
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				PreparedStatement query = connection.prepareStatement("""
						select msg_key, payload, sent_at from follow.outbox_event
						where topic = 'follows' and cast(payload as jsonb) ->> 'type' = 'instaclone.follow.created.v1'
						  and cast(payload as jsonb) -> 'data' ->> 'followerId' = ?
						  and cast(payload as jsonb) -> 'data' ->> 'followeeId' = ?""")) {
			query.setString(1, followerId);
			query.setString(2, followeeId);
			String seen = "no outbox row";
			while (Instant.now().isBefore(deadline)) {
				try (ResultSet row = query.executeQuery()) {
					if (row.next()) {
						seen = "an outbox row not yet delivered";
						if (row.getTimestamp("sent_at") != null) {
							assertThat(row.getString("msg_key")).isEqualTo(followerId);
							return this.json.readTree(row.getString("payload"));
						}
					}
				}
				sleep(Duration.ofMillis(250));
			}
			throw new AssertionError("No delivered instaclone.follow.created.v1 event for " + followerId + " -> "
					+ followeeId + " within " + timeout.toSeconds() + " s; found " + seen);
		}
	}

	@Test
	@Order(51)
	void oneScrapeHoldsEveryModulesMetricsWithOneTypeLinePerFamily() throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/plain"));
		String scrape = response.body();
		for (String module : new String[] { "follow-service", "upload-service", "ads-service", "integrations-service",
				"metrics-service" }) {
			assertThat(scrape).as(module).contains("hikaricp_connections_active{application=\"" + module + "\"");
		}
		// the scenario's requests, counted by the module that served them
		assertThat(scrape).containsPattern("http_server_requests_seconds_count\\{application=\"follow-service\".*uri=\"/api/accounts");
		List<String> typeLines = scrape.lines().filter((line) -> line.startsWith("# TYPE ")).toList();
		assertThat(typeLines).as("a family repeated would make Prometheus reject the scrape").doesNotHaveDuplicates();
	}

	@Test
	@Order(50)
	void theMonolithAnswersTheServicesHealthProbesForAllFiveModules() throws Exception {
		for (String probe : new String[] { "/actuator/health", "/actuator/health/readiness" }) {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(baseUrl() + probe)).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("%s: %s", probe, response.body()).isEqualTo(200);
			JsonNode health = this.json.readTree(response.body());
			assertThat(health.path("status").asString()).isEqualTo("UP");
			assertThat(health.path("components").propertyNames()).containsExactly("follow-service", "upload-service",
					"ads-service", "integrations-service", "metrics-service");
			health.path("components").forEach((module) -> assertThat(module.path("status").asString()).isEqualTo("UP"));
		}
		HttpResponse<String> liveness = this.http.send(
				HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/liveness")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(liveness.statusCode()).isEqualTo(200);
	}

	@Test
	@Order(51)
	void eachModuleLogsInAsItsOwnRoleWhichCannotReadTheOtherModulesTables() throws Exception {
		String url = "jdbc:postgresql://localhost:" + POSTGRES_PORT + "/instaclone";
		try (Connection upload = DriverManager.getConnection(url, "upload", "");
				Statement statement = upload.createStatement()) {
			try (ResultSet own = statement.executeQuery("select count(*) from upload.post")) {
				assertThat(own.next()).isTrue();
			}
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.executeQuery("select count(*) from follow.account"))
				.satisfies((ex) -> assertThat(ex.getSQLState()).as(ex.getMessage()).isEqualTo("42501"));
		}
		try (Connection postgres = DriverManager.getConnection(url, "postgres", "");
				Statement statement = postgres.createStatement();
				ResultSet owners = statement.executeQuery("select nspname, pg_get_userbyid(nspowner) from pg_namespace"
						+ " where nspname in ('follow', 'upload', 'ads', 'integrations', 'metrics')")) {
			int schemas = 0;
			while (owners.next()) {
				assertThat(owners.getString(2)).as("owner of schema %s", owners.getString(1)).isEqualTo(owners.getString(1));
				schemas++;
			}
			assertThat(schemas).isEqualTo(5);
		}
	}

	@Test
	@Order(60)
	void aMonolithKilledWithoutShuttingDownStartsAgainOnItsData() throws Exception {
		Process killed = this.monolith;
		assertThat(killed).isNotNull();
		killed.destroyForcibly(); // SIGKILL, as the kernel's OOM killer would: no shutdown hook runs
		assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(isListening(POSTGRES_PORT)).as("the embedded PostgreSQL outlives a killed monolith").isTrue();

		Path dataDir = this.dataDir;
		assertThat(dataDir).isNotNull();
		start(dataDir.resolveSibling(dataDir.getFileName() + "-restarted.out"));

		assertThat(output()).contains("is still running on");
		HttpResponse<String> readiness = this.http.send(
				HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
	}

	@Test
	@Order(100)
	void stoppingTheMonolithStopsEverythingItStarted() throws Exception {
		Process started = this.monolith;
		assertThat(started).isNotNull();
		var children = started.descendants().toList();
		started.destroy();
		assertThat(started.waitFor(60, TimeUnit.SECONDS)).as("the monolith exits after SIGTERM\n%s", tail()).isTrue();
		assertThat(children.stream().filter(ProcessHandle::isAlive).toList()).as("children still alive").isEmpty();
		// PostgreSQL is stopped by the monolith (pg_ctl), not as its child: its port says it is gone
		for (int port : new int[] { PORT, POSTGRES_PORT }) {
			assertThat(isListening(port)).as("something still listens on port %d", port).isFalse();
		}
	}

	@AfterAll
	void stopTheMonolith() throws Exception {
		Process started = this.monolith;
		if (started != null && started.isAlive()) {
			started.destroy();
			if (!started.waitFor(60, TimeUnit.SECONDS)) {
				started.descendants().forEach(ProcessHandle::destroyForcibly);
				started.destroyForcibly();
			}
		}
	}

	private String output() throws IOException {
		Path file = this.output;
		return file == null || !Files.exists(file) ? "" : Files.readString(file, StandardCharsets.UTF_8);
	}

	private String tail() throws IOException {
		String all = output();
		return all.substring(Math.max(0, all.length() - 6000));
	}
}
