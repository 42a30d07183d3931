package org.instaclone.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StartupCacheTests {

	@Test
	void theStampFollowsTheJarsContentNotItsTimestamp(@TempDir Path dir) throws Exception {
		Path jar = dir.resolve("app.jar");
		FileTime reproducible = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));

		Files.writeString(jar, "class A { int x = 1; }");
		Files.setLastModifiedTime(jar, reproducible);
		String first = StartupCache.stampOf(jar);

		// repackaged, unchanged code: new write, same bytes -> same stamp, the archive is kept
		Files.writeString(jar, "class A { int x = 1; }");
		Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));
		assertThat(StartupCache.stampOf(jar)).isEqualTo(first);

		// changed code of the same size and the same reproducible timestamp -> a new stamp
		Files.writeString(jar, "class A { int x = 2; }");
		Files.setLastModifiedTime(jar, reproducible);
		assertThat(StartupCache.stampOf(jar)).isNotEqualTo(first);
	}

	@Test
	void theBuildsArchiveIsUsedOnlyForTheJarAndJvmItWasTrainedOn(@TempDir Path home) throws Exception {
		Service service = Services.named("ads-service").orElseThrow();
		Path fatJar = home.resolve("ads-service/target/ads-service.jar");
		Files.createDirectories(fatJar.getParent());
		Files.writeString(fatJar, "built");
		JavaCommand java = new JavaCommand("/opt/jdk/bin/java", home.resolve("local-runner.jar"));
		Path trained = StartupCache.trainedDirectory(fatJar);
		assertThat(trained).isEqualTo(home.resolve("ads-service/target/cds"));
		Files.createDirectories(trained.resolve("app"));
		Files.writeString(trained.resolve("app/ads-service.jar"), "extracted");
		Files.writeString(trained.resolve("app.jsa"), "archive");

		// no stamp: a training that did not finish is never used
		assertThat(StartupCache.trained(service, fatJar, StartupCache.stampOf(fatJar, java))).isEmpty();

		Files.writeString(trained.resolve("source.txt"), StartupCache.stampOf(fatJar, java));
		assertThat(StartupCache.trained(service, fatJar, StartupCache.stampOf(fatJar, java))).hasValueSatisfying(
				(prepared) -> {
					assertThat(prepared.jar()).isEqualTo(trained.resolve("app/ads-service.jar"));
					assertThat(prepared.jvmOptions()).containsExactly("-XX:SharedArchiveFile=" + trained.resolve("app.jsa"));
					assertThat(prepared.recording()).isFalse();
				});

		// another JVM cannot map the archive
		JavaCommand otherJvm = new JavaCommand("/opt/other-jdk/bin/java", home.resolve("local-runner.jar"));
		assertThat(StartupCache.trained(service, fatJar, StartupCache.stampOf(fatJar, otherJvm))).isEmpty();

		// the jar was rebuilt from changed code after the training (e.g. ./mvnw -pl ads-service package)
		Files.writeString(fatJar, "rebuilt");
		assertThat(StartupCache.trained(service, fatJar, StartupCache.stampOf(fatJar, java))).isEmpty();
	}
}
