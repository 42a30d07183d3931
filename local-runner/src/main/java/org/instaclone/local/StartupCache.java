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
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Makes a service JVM start with about half the CPU, which is what decides the start-up time on a
 * 2-core machine: the fat jar is extracted once per build (Spring Boot's {@code -Djarmode=tools
 * extract}) and the first run on it records a dynamic CDS archive when it stops
 * ({@code -XX:ArchiveClassesAtExit}); later runs map that archive ({@code -XX:SharedArchiveFile}) instead
 * of loading and verifying every class again. Everything lives in {@code <data>/cds/<module>/} and is
 * redone when the jar changes.
 */
final class StartupCache {

	/** What a service JVM is started from. */
	record Prepared(Path jar, List<String> jvmOptions, boolean recording) {
	}

	private StartupCache() {
	}

	static Prepared prepare(JavaCommand java, Service service, Path fatJar, Path cacheRoot, Path workingDirectory) {
		Path dir = cacheRoot.resolve(service.module());
		Path extracted = dir.resolve("app");
		Path jar = extracted.resolve(service.module() + ".jar");
		Path archive = dir.resolve("app.jsa");
		Path stamp = dir.resolve("source.txt");
		try {
			String source = stampOf(fatJar);
			if (!Files.exists(stamp) || !Files.readString(stamp, StandardCharsets.UTF_8).equals(source)
					|| !Files.isRegularFile(jar)) {
				deleteRecursively(dir);
				Files.createDirectories(dir);
				Child extract = Child.start(service.module() + "-extract",
						List.of(java.java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djarmode=tools", "-jar",
								fatJar.toString(), "extract", "--destination", extracted.toString()),
						Map.of(), workingDirectory, dir.resolve("extract.log"));
				int exit = extract.waitFor(Duration.ofSeconds(120));
				if (exit != 0 || !Files.isRegularFile(jar)) {
					throw new IllegalStateException("Could not extract " + fatJar + " (exit " + exit + "); see "
							+ extract.log());
				}
				Files.writeString(stamp, source, StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare " + dir, ex);
		}
		if (Files.isRegularFile(archive)) {
			return new Prepared(jar, List.of("-XX:SharedArchiveFile=" + archive), false);
		}
		return new Prepared(jar, List.of("-XX:ArchiveClassesAtExit=" + archive), true);
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
