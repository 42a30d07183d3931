package org.instaclone.monolith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The local run's PostgreSQL when no {@code POSTGRES_URL} is given: embedded PostgreSQL 17 (zonky
 * binaries, as the local runner) with its data in {@code <data>/postgres}, kept across restarts, and
 * one database {@code instaclone} in which each module gets its own schema (Flyway creates it).
 * Listens on localhost only.
 */
final class LocalDatabase implements AutoCloseable {

	static final String DATABASE = "instaclone";

	private final EmbeddedPostgres postgres;

	private LocalDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static LocalDatabase start(Path dataDirectory, int port) throws IOException {
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
		return new LocalDatabase(postgres);
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + DATABASE;
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
