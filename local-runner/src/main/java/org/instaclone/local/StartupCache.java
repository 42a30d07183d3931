package org.instaclone.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
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

	/** Identifies one build of a jar: a rebuilt jar gets a fresh extraction and archive. */
	static String stampOf(Path jar) throws IOException {
		return jar.toAbsolutePath() + "\n" + Files.size(jar) + "\n" + Files.getLastModifiedTime(jar).toMillis() + "\n";
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
