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
}
