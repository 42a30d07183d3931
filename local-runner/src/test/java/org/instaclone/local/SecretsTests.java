package org.instaclone.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTests {

	@TempDir
	Path dir;

	@Test
	void generatesEachPasswordOnceAndKeepsItPrivateAcrossRestarts() throws IOException {
		Path secretsDir = this.dir.resolve("secrets");
		Secrets first = Secrets.load(secretsDir);
		String follow = first.passwordFor("follow");
		String upload = first.passwordFor("upload");

		assertThat(follow).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(upload);
		assertThat(first.passwordFor("follow")).isEqualTo(follow);
		assertThat(Secrets.load(secretsDir).passwordFor("follow")).isEqualTo(follow);
		Path file = secretsDir.resolve("postgres-passwords.properties");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretsDir))).isEqualTo("rwx------");
	}

	@Test
	void generatesARandomAesKeyOnceAndKeepsItAcrossRestarts() {
		Path secretsDir = this.dir.resolve("secrets");
		Secrets first = Secrets.load(secretsDir);
		String key = first.aesKeyFor("integrations-service");

		assertThat(java.util.Base64.getDecoder().decode(key)).hasSize(32);
		assertThat(key).isNotEqualTo("ZGV2LW9ubHktd2ViaG9vay1zZWNyZXQta2V5LTMyYiE=");
		assertThat(first.passwordFor("integrations")).isNotEqualTo(key);
		assertThat(Secrets.load(secretsDir).aesKeyFor("integrations-service")).isEqualTo(key);
		assertThat(Secrets.load(this.dir.resolve("elsewhere")).aesKeyFor("integrations-service")).isNotEqualTo(key);
	}
}
