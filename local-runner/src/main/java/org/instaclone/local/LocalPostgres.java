package org.instaclone.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Embedded PostgreSQL 17 (zonky binaries) on port 15432 with its data in {@code <data>/postgres}, kept
 * across restarts. Every login, the {@code postgres} superuser included, has a random password
 * (scram-sha-256; initdb's default "trust" is replaced on first start); each service gets its own
 * database that only its own login may connect to.
 */
final class LocalPostgres implements AutoCloseable {

	static final String SUPERUSER = "postgres";

	private final EmbeddedPostgres postgres;

	private LocalPostgres(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static LocalPostgres start(Path dataDirectory, int port, Secrets secrets, Path log) throws IOException {
		String superuserPassword = secrets.passwordFor(SUPERUSER);
		boolean firstStart = !Files.exists(dataDirectory.resolve("postgresql.conf"));
		Path passwordFile = dataDirectory.resolveSibling("secrets").resolve("initdb-password");
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPort(port)
			.setPGStartupWait(Duration.ofSeconds(90))
			// durable: this data is meant to survive restarts (zonky's test default is "off")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", "32MB")
			.setServerConfig("listen_addresses", "localhost")
			.setConnectConfig("password", superuserPassword)
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(Child.rotate(log).toFile()))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
		if (firstStart) {
			Files.deleteIfExists(passwordFile);
			Secrets.createPrivateFile(passwordFile);
			Files.writeString(passwordFile, superuserPassword + "\n", StandardCharsets.UTF_8);
			// initdb options (zonky passes these as --key=value): a password for the superuser and
			// password authentication instead of zonky's "-A trust"
			builder.setLocaleConfig("pwfile", passwordFile.toString())
				.setLocaleConfig("auth-host", "scram-sha-256")
				.setLocaleConfig("auth-local", "scram-sha-256");
		}
		try {
			return new LocalPostgres(builder.start());
		}
		finally {
			Files.deleteIfExists(passwordFile);
		}
	}

	/** Creates (or updates) one login and one database per service; safe to run on every start. */
	void ensureDatabases(List<String> databases, Secrets secrets) {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			for (String database : databases) {
				String password = secrets.passwordFor(database);
				String role = quoteIdentifier(database);
				if (exists(connection, "select 1 from pg_roles where rolname = ?", database)) {
					statement.execute("alter role " + role + " with login password " + quoteLiteral(password));
				}
				else {
					statement.execute("create role " + role + " with login password " + quoteLiteral(password));
				}
				if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
					statement.execute("create database " + role + " owner " + role);
				}
				// database per service: no other login may even connect
				statement.execute("revoke connect, temporary on database " + role + " from public");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the service databases: " + ex.getMessage(), ex);
		}
	}

	private static boolean exists(Connection connection, String sql, String name) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(sql)) {
			query.setString(1, name);
			try (ResultSet result = query.executeQuery()) {
				return result.next();
			}
		}
	}

	static String quoteIdentifier(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	static String quoteLiteral(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	static String jdbcUrl(int port, String database) {
		return "jdbc:postgresql://localhost:" + port + "/" + database;
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
