package org.instaclone.upload.media;

import java.net.URI;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The S3 store against S3Mock, an S3-compatible server started in-process. S3Mock is itself a Spring
 * Boot application, so it would pick up this service's configuration and auto-configuration from the
 * shared class path: it is told to read no {@code application.*} (so it is given the few settings its own
 * would give) and to leave out the database,
 * Kafka, security and the platform's auto-configuration.
 */
class S3BlobStoreTests {

	private static final String NOT_FOR_S3MOCK = String.join(",",
			"org.instaclone.platform.security.ResourceServerAutoConfiguration",
			"org.instaclone.platform.problem.ProblemDetailsAutoConfiguration",
			"org.instaclone.platform.events.EventsAutoConfiguration",
			"org.instaclone.platform.web.OpenApiAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
			"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
			"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
			"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
			"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration");

	@RegisterExtension
	static final S3MockExtension S3 = S3MockExtension.builder()
		.silent()
		.withInitialBuckets("media")
		.withProperty("spring.config.name", "s3mock-no-config")
		.withProperty("spring.autoconfigure.exclude", NOT_FOR_S3MOCK)
		.withProperty("management.endpoint.health.validate-group-membership", "false")
		// what S3Mock's own application.properties would have set
		.withProperty("com.adobe.testing.s3mock.store.region", "us-east-1")
		.withProperty("com.adobe.testing.s3mock.max-payload-size", "10MB")
		.withProperty("com.adobe.testing.s3mock.httpPort", "${http.port:}")
		.withProperty("spring.main.lazy-initialization", "true")
		.withProperty("spring.jmx.enabled", "false")
		.withProperty("spring.application.name", "s3mock")
		.build();

	@Test
	void storesReadsAndDeletesByKeyThroughTheS3Api() throws Exception {
		MediaProperties.S3 config = new MediaProperties.S3("media", "us-east-1",
				URI.create("http://127.0.0.1:" + S3.getHttpPort()), true, "any", "any");
		BlobStore store = new S3BlobStore(MediaConfiguration.s3Client(config), config.bucket());
		byte[] jpeg = TestImages.jpeg(64, 48);
		String key = MediaKeys.of(jpeg);

		assertThat(store.find(key)).isEmpty();
		store.put(key, jpeg, "image/jpeg");
		store.put(key, jpeg, "image/jpeg"); // idempotent

		Resource found = store.find(key).orElseThrow();
		assertThat(found.contentLength()).isEqualTo(jpeg.length);
		assertThat(found.getInputStream().readAllBytes()).isEqualTo(jpeg);
		assertThat(found.getInputStream().readAllBytes()).isEqualTo(jpeg); // readable again, for ranges

		store.delete(key);
		assertThat(store.find(key)).isEmpty();
	}
}
