package org.instaclone.follow.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeysTests {

	@Test
	void aKeyIsGeneratedOnceKeptPrivateAndReusedAfterARestart(@TempDir Path dir) throws Exception {
		SigningKeys first = SigningKeys.loadOrCreate(dir);
		SigningKeys again = SigningKeys.loadOrCreate(dir);

		assertThat(again.current().getKeyID()).isEqualTo(first.current().getKeyID());
		try (var files = Files.list(dir)) {
			Path file = files.findFirst().orElseThrow();
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
		assertThat(first.publicSet().getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
		assertThat(first.privateSet().getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isTrue());
	}
}
