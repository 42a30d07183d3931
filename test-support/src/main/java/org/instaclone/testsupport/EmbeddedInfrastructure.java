package org.instaclone.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One embedded PostgreSQL 17 server and one KRaft broker per test JVM, started on first use and shared
 * by every Spring context in that JVM (tests create their own data, so sharing is safe). Both stop
 * when the JVM exits.
 */
public final class EmbeddedInfrastructure {

	private static EmbeddedPostgres postgres;

	private static EmbeddedKafkaKraftBroker kafka;

	private EmbeddedInfrastructure() {
	}

	public static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
			}
			EmbeddedPostgres started = postgres;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (IOException ignored) {
					// the JVM is exiting
				}
			}));
		}
		return postgres;
	}

	public static String jdbcUrl() {
		return postgres().getJdbcUrl("postgres", "postgres");
	}

	public static synchronized String kafkaBootstrapServers() {
		if (kafka == null) {
			kafka = new EmbeddedKafkaKraftBroker(1, 1);
			kafka.brokerProperty("auto.create.topics.enable", "true");
			kafka.afterPropertiesSet();
			EmbeddedKafkaKraftBroker started = kafka;
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
		}
		return kafka.getBrokersAsString();
	}
}
