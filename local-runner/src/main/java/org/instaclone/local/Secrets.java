package org.instaclone.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The database passwords, one per login, and AES-256 keys (integrations-service's
 * {@code INTEGRATIONS_SECRET_KEY}), generated at random on first start and kept (mode 0600) in
 * {@code <data>/secrets/postgres-passwords.properties}. They are handed to the services through
 * environment variables and never printed. A key must survive restarts: what it encrypted does not
 * open under another.
 */
final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path file;

	private final Properties passwords = new Properties();

	private Secrets(Path file) {
		this.file = file;
	}

	static Secrets load(Path secretsDir) {
		Secrets secrets = new Secrets(secretsDir.resolve("postgres-passwords.properties"));
		try {
			createPrivateDirectory(secretsDir);
			if (Files.exists(secrets.file)) {
				try (Reader reader = Files.newBufferedReader(secrets.file, StandardCharsets.UTF_8)) {
					secrets.passwords.load(reader);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + secrets.file, ex);
		}
		return secrets;
	}

	/** The password of a login, generated (and saved) on first use. */
	synchronized String passwordFor(String login) {
		String password = this.passwords.getProperty(login);
		if (password == null) {
			password = randomPassword();
			this.passwords.setProperty(login, password);
			save();
		}
		return password;
	}

	/** Base64 of a 32-byte random AES key named {@code name}, generated (and saved) on first use. */
	synchronized String aesKeyFor(String name) {
		String property = "aes-key." + name;
		String key = this.passwords.getProperty(property);
		if (key == null) {
			byte[] bytes = new byte[32];
			RANDOM.nextBytes(bytes);
			key = Base64.getEncoder().encodeToString(bytes);
			this.passwords.setProperty(property, key);
			save();
		}
		return key;
	}

	static String randomPassword() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private void save() {
		try {
			Path temp = this.file.resolveSibling(this.file.getFileName() + ".tmp");
			Files.deleteIfExists(temp);
			createPrivateFile(temp);
			try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
				this.passwords.store(writer, "Local PostgreSQL logins of the Instaclone local runner. Keep private.");
			}
			Files.move(temp, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + this.file, ex);
		}
	}

	static void createPrivateDirectory(Path dir) throws IOException {
		Files.createDirectories(dir);
		if (posix()) {
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
		}
	}

	static void createPrivateFile(Path file) throws IOException {
		if (posix()) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		else {
			Files.createFile(file);
		}
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}
}
