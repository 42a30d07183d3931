package org.instaclone.follow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.instaclone.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context follow-service's end-to-end tests share: the real application on a random
 * port with real PostgreSQL and Kafka, and signing keys in a fresh directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
public abstract class IntegrationTestBase {

	protected static final Path KEY_DIR = createKeyDir();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("instaclone.tokens.key-dir", KEY_DIR::toString);
		registry.add("instaclone.outbox.relay-interval", () -> "50ms");
	}

	private static Path createKeyDir() {
		try {
			return Files.createTempDirectory("follow-keys");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
