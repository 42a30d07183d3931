package org.instaclone.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Import into a test to get real PostgreSQL and Kafka, and a JWKS endpoint for {@link TestTokens}.
 * With Docker: PostgreSQL 17 and Apache Kafka containers via {@code @ServiceConnection}. Without:
 * embedded PostgreSQL 17 and an embedded KRaft broker. The tests are the same either way.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

	@Bean
	DynamicPropertyRegistrar testTokenIssuer() {
		return registry -> {
			registry.add("instaclone.security.jwks-uri", TestTokens::jwksUri);
			registry.add("instaclone.security.issuer", () -> TestTokens.ISSUER);
			registry.add("instaclone.security.audience", () -> TestTokens.AUDIENCE);
		};
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Conditional(DockerAvailable.class)
	static class Containers {

		@Bean
		@ServiceConnection
		PostgreSQLContainer postgres() {
			return new PostgreSQLContainer("postgres:17.6-alpine");
		}

		@Bean
		@ServiceConnection
		KafkaContainer kafka() {
			return new KafkaContainer("apache/kafka:4.1.1");
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Conditional(DockerAvailable.Not.class)
	static class Embedded {

		@Bean
		DynamicPropertyRegistrar embeddedInfrastructure() {
			return registry -> {
				registry.add("spring.datasource.url", EmbeddedInfrastructure::jdbcUrl);
				registry.add("spring.datasource.username", () -> "postgres");
				registry.add("spring.datasource.password", () -> "postgres");
				registry.add("spring.kafka.bootstrap-servers", EmbeddedInfrastructure::kafkaBootstrapServers);
			};
		}
	}
}
