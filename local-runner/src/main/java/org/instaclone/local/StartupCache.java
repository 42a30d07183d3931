package org.instaclone.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Makes a service JVM start with about half the CPU, which is what decides the start-up time on a
 * 2-core machine: the fat jar is extracted (Spring Boot's {@code -Djarmode=tools extract}) and started
 * with a dynamic CDS archive ({@code -XX:SharedArchiveFile}) that maps the classes it loads instead of
 * loading and verifying every one of them again.
 * <p>
 * The archive normally comes from the build: {@code ./mvnw package} runs {@link StartupTraining}, which
 * makes a training run of every service ({@link #train}: the Spring context is refreshed without a
 * database or broker and the JVM exits, {@code -XX:ArchiveClassesAtExit}) into
 * {@code <module>/target/cds/}, the layout Spring Boot documents for CDS. When there is none for the
 * exact jar and JVM (the build skipped it with {@code -Dinstaclone.cds.skip}, or a jar was rebuilt
 * alone), the runner falls back to recording one in {@code <data>/cds/<module>/} when the service stops,
 * so the first start is slow and the next ones are not.
 */
final class StartupCache {

	/** What a service JVM is started from. */
	record Prepared(Path jar, List<String> jvmOptions, boolean recording) {
	}

	/**
	 * What the training run overrides so the context refreshes without PostgreSQL and Kafka: no Flyway,
	 * no schema validation, no JDBC metadata look-up (the dialect is named instead) and no topic
	 * creation (the Kafka admin client would wait a minute for the absent broker). The process exits
	 * right after the refresh, before any listener, scheduler or web server starts.
	 */
	static final List<String> TRAINING_PROPERTIES = List.of("-Dspring.context.exit=onRefresh",
			"-Dspring.flyway.enabled=false", "-Dspring.jpa.hibernate.ddl-auto=none",
			"-Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false",
			"-Dspring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect",
			"-Dspring.kafka.admin.auto-create=false", "-Xlog:cds=off", "-Xlog:cds+dynamic=info");

	private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);

	private StartupCache() {
	}

	static Prepared prepare(JavaCommand java, Service service, Path fatJar, Path cacheRoot, Path workingDirectory) {
		try {
			String source = stampOf(fatJar, java);
			Optional<Prepared> trained = trained(service, fatJar, source);
			if (trained.isPresent()) {
				return trained.get();
			}
			Path dir = cacheRoot.resolve(service.module());
			Path jar = extractedJar(dir, service);
			Path archive = dir.resolve("app.jsa");
			Path stamp = dir.resolve("source.txt");
			if (!Files.exists(stamp) || !Files.readString(stamp, StandardCharsets.UTF_8).equals(source)
					|| !Files.isRegularFile(jar)) {
				deleteRecursively(dir);
				Files.createDirectories(dir);
				extract(java, service, fatJar, dir, workingDirectory);
				Files.writeString(stamp, source, StandardCharsets.UTF_8);
			}
			if (Files.isRegularFile(archive)) {
				return new Prepared(jar, List.of("-XX:SharedArchiveFile=" + archive), false);
			}
			return new Prepared(jar, List.of("-XX:ArchiveClassesAtExit=" + archive), true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare " + service.module(), ex);
		}
	}

	/** Where the build keeps a service's trained start-up archive: {@code <module>/target/cds/}. */
	static Path trainedDirectory(Path fatJar) {
		return fatJar.toAbsolutePath().resolveSibling("cds");
	}

	/** The build's archive, if it was trained from exactly this jar on exactly this JVM. */
	static Optional<Prepared> trained(Service service, Path fatJar, String source) throws IOException {
		Path dir = trainedDirectory(fatJar);
		Path stamp = dir.resolve("source.txt");
		Path archive = dir.resolve("app.jsa");
		Path jar = extractedJar(dir, service);
		if (Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).equals(source)
				&& Files.isRegularFile(archive) && Files.isRegularFile(jar)) {
			return Optional.of(new Prepared(jar, List.of("-XX:SharedArchiveFile=" + archive), false));
		}
		return Optional.empty();
	}

	/**
	 * The build-time training run of one service: extracts its jar into {@code <module>/target/cds/},
	 * starts it with the runner's own JVM flags until its Spring context is refreshed, and keeps the CDS
	 * archive the JVM writes when it exits. Throw-away signing keys, media and secrets live in a temp
	 * directory that is deleted afterwards. The stamp is written last, so a failed or interrupted training
	 * leaves nothing the runner would use.
	 */
	static void train(JavaCommand java, Service service, Path fatJar, Path workingDirectory) throws IOException {
		Path dir = trainedDirectory(fatJar);
		deleteRecursively(dir);
		Files.createDirectories(dir);
		extract(java, service, fatJar, dir, workingDirectory);
		Path archive = dir.resolve("app.jsa");
		Path scratch = Files.createTempDirectory("instaclone-cds-training");
		try {
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Map<String, String> environment = Map.of("SERVER_PORT", "0", "POSTGRES_URL",
					"jdbc:postgresql://127.0.0.1:1/training", "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1",
					"INSTACLONE_TOKENS_KEY_DIR", scratch.resolve("keys").toString(), "MEDIA_DIR",
					scratch.resolve("media").toString(), "INTEGRATIONS_SECRET_KEY",
					Base64.getEncoder().encodeToString(key));
			List<String> options = new ArrayList<>();
			options.add("-XX:ArchiveClassesAtExit=" + archive);
			options.addAll(TRAINING_PROPERTIES);
			Child training = Child.start(service.module() + "-training",
					java.service(service, extractedJar(dir, service), options), environment, workingDirectory,
					dir.resolve("training.log"));
			int exit = training.waitFor(TRAINING_TIMEOUT);
			if (exit != 0 || !Files.isRegularFile(archive)) {
				throw new IllegalStateException("The CDS training run of " + service.module() + " failed (exit " + exit
						+ "); see " + training.log() + "\n" + training.tail(15));
			}
		}
		finally {
			deleteRecursively(scratch);
		}
		Files.writeString(dir.resolve("source.txt"), stampOf(fatJar, java), StandardCharsets.UTF_8);
	}

	private static Path extractedJar(Path dir, Service service) {
		return dir.resolve("app").resolve(service.module() + ".jar");
	}

	private static void extract(JavaCommand java, Service service, Path fatJar, Path dir, Path workingDirectory)
			throws IOException {
		Path jar = extractedJar(dir, service);
		Child extract = Child.start(service.module() + "-extract",
				List.of(java.java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djarmode=tools", "-jar",
						fatJar.toString(), "extract", "--destination", jar.getParent().toString()),
				Map.of(), workingDirectory, dir.resolve("extract.log"));
		int exit = extract.waitFor(Duration.ofSeconds(120));
		if (exit != 0 || !Files.isRegularFile(jar)) {
			throw new IllegalStateException("Could not extract " + fatJar + " (exit " + exit + "); see " + extract.log());
		}
	}

	/**
	 * What an archive was made from: the jar's path and content, and the JVM (a CDS archive only works
	 * on the JVM build that wrote it).
	 */
	static String stampOf(Path jar, JavaCommand java) throws IOException {
		return stampOf(jar) + java.java() + "\n" + Runtime.version() + "\n";
	}

	/**
	 * Identifies the jar's content. The build is reproducible ({@code project.build.outputTimestamp}), so
	 * re-running the README command on unchanged code yields the same hash and keeps the archive, while any
	 * code change gives a fresh extraction and archive. (Size and modification time would not do: the
	 * reproducible build stamps every jar with the same time.)
	 */
	static String stampOf(Path jar) throws IOException {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		try (InputStream in = new DigestInputStream(Files.newInputStream(jar), sha256)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return jar.toAbsolutePath() + "\n" + HexFormat.of().formatHex(sha256.digest()) + "\n";
	}

	static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}
}
