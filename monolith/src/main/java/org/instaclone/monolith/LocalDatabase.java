package org.instaclone.monolith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local run's PostgreSQL when no {@code POSTGRES_URL} is given: embedded PostgreSQL 17 (zonky
 * binaries, as the local runner) with its data in {@code <data>/postgres}, kept across restarts, and
 * one database {@code instaclone} in which each module gets its own schema. Listens on localhost only.
 * <p>
 * Each schema is owned by a login of the same name ({@code follow}, {@code upload}, ...) with no
 * rights on the others, and each module connects as its own login: "no service reads another's
 * tables" stays a database rule, as with the microservices' separate databases. A schema created by
 * an older version under another owner keeps working through the superuser login, with a warning.
 */
final class LocalDatabase implements AutoCloseable {

	static final String DATABASE = "instaclone";

	static final String SUPERUSER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(LocalDatabase.class);

	private final EmbeddedPostgres postgres;

	private final Map<String, String> logins;

	private LocalDatabase(EmbeddedPostgres postgres, Map<String, String> logins) {
		this.postgres = postgres;
		this.logins = logins;
	}

	/** Starts PostgreSQL and makes sure the database, and each schema with its own login, exist. */
	static LocalDatabase start(Path dataDirectory, int port, List<String> schemas) throws IOException {
		stopLeftOver(dataDirectory);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			// stopped by Monolith.close, after the modules: zonky's own hook would stop it under them
			.setRegisterShutdownHook(false)
			.setPort(port)
			.setPGStartupWait(Duration.ofSeconds(90))
			// durable: this data is meant to survive restarts (zonky's test default is "off")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", "32MB")
			.setServerConfig("listen_addresses", "localhost")
			.start();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			if (!statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'").next()) {
				statement.execute("create database " + DATABASE);
			}
		}
		catch (SQLException ex) {
			postgres.close();
			throw new IllegalStateException("Could not create the database " + DATABASE + ": " + ex.getMessage(), ex);
		}
		Map<String, String> logins = new HashMap<>();
		try (Connection connection = postgres.getDatabase(SUPERUSER, DATABASE).getConnection();
				Statement statement = connection.createStatement()) {
			for (String schema : schemas) {
				logins.put(schema, ownLogin(statement, schema));
			}
		}
		catch (SQLException ex) {
			postgres.close();
			throw new IllegalStateException("Could not prepare the schemas " + schemas + ": " + ex.getMessage(), ex);
		}
		return new LocalDatabase(postgres, logins);
	}

	/**
	 * Stops a PostgreSQL left running on this data folder by a monolith that did not shut down (killed,
	 * or exited on OutOfMemoryError, where no shutdown hook runs): it would hold the folder, and this
	 * start would fail. Its {@code postmaster.pid} names it; SIGTERM asks for a smart shutdown, which
	 * is quick since its clients died with the old JVM. A stale file (no such process) is left for
	 * PostgreSQL, which ignores it.
	 */
	static void stopLeftOver(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
			return;
		}
		Optional<ProcessHandle> postmaster = ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
			.filter((process) -> process.info().command().map((command) -> command.endsWith("postgres")).orElse(false));
		if (postmaster.isEmpty()) {
			return;
		}
		log.warn("PostgreSQL (pid {}) is still running on {} from a monolith that did not shut down; stopping it",
				postmaster.get().pid(), dataDirectory);
		postmaster.get().destroy();
		try {
			postmaster.get().onExit().get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while stopping the old PostgreSQL", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IOException("The old PostgreSQL (pid " + postmaster.get().pid() + ") on " + dataDirectory
					+ " did not stop within 60 s; stop it and start again", ex);
		}
	}

	/**
	 * The login a module connects with: the schema's own (created with the schema), or the superuser's
	 * for a schema an older version created under another owner.
	 */
	private static String ownLogin(Statement statement, String schema) throws SQLException {
		if (!schema.matches("[a-z]+")) {
			throw new IllegalArgumentException("Not a schema name: " + schema);
		}
		try (ResultSet role = statement.executeQuery("select 1 from pg_roles where rolname = '" + schema + "'")) {
			if (!role.next()) {
				statement.execute("create role " + schema + " login");
			}
		}
		try (ResultSet owner = statement.executeQuery(
				"select pg_get_userbyid(nspowner) from pg_namespace where nspname = '" + schema + "'")) {
			if (owner.next() && !schema.equals(owner.getString(1))) {
				log.warn("Schema {} belongs to {}, not to its own login: module {} connects as {} and can read the "
						+ "other schemas. A fresh data folder gives each module its own login.", schema,
						owner.getString(1), schema, SUPERUSER);
				return SUPERUSER;
			}
		}
		statement.execute("create schema if not exists " + schema + " authorization " + schema);
		return schema;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + DATABASE;
	}

	/** The login of a schema's module (no password: the embedded server trusts local connections). */
	String login(String schema) {
		String login = this.logins.get(schema);
		if (login == null) {
			throw new IllegalArgumentException("No schema " + schema);
		}
		return login;
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop PostgreSQL", ex);
		}
	}
}
