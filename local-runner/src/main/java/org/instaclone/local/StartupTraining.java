package org.instaclone.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Build step ({@code ./mvnw package}, in this module's {@code package} phase, after every service jar
 * is built): a CDS training run of each service, so the local system starts in about half the CPU from
 * its very first run (see {@link StartupCache}). Two trainings at a time: each is CPU-bound, and this
 * machine class has two cores. Skip it with {@code -Dinstaclone.cds.skip}; the runner then records the
 * archives itself on the first stop.
 * <p>
 * Usage: {@code java -cp <runner classes> org.instaclone.local.StartupTraining <repository root>}.
 */
public final class StartupTraining {

	private StartupTraining() {
	}

	public static void main(String[] args) throws Exception {
		Path home = Path.of((args.length > 0) ? args[0] : ".").toAbsolutePath().normalize();
		JavaCommand java = JavaCommand.current(home.resolve("local-runner/target/local-runner.jar"));
		long started = System.nanoTime();
		int parallel = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
		ExecutorService pool = Executors.newFixedThreadPool(parallel);
		List<Future<String>> results = new ArrayList<>();
		for (Service service : Services.ALL) {
			Path jar = home.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
			if (!Files.isRegularFile(jar)) {
				System.out.printf("[cds] %-20s skipped: %s is not built%n", service.module(), home.relativize(jar));
				continue;
			}
			results.add(pool.submit(() -> {
				long start = System.nanoTime();
				try {
					StartupCache.train(java, service, jar, home);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				Path archive = StartupCache.trainedDirectory(jar).resolve("app.jsa");
				return String.format("[cds] %-20s trained in %5.1f s: %s (%d MB)", service.module(),
						seconds(System.nanoTime() - start), home.relativize(archive), Files.size(archive) >> 20);
			}));
		}
		pool.shutdown();
		List<String> failures = new ArrayList<>();
		for (Future<String> result : results) {
			try {
				System.out.println(result.get());
			}
			catch (java.util.concurrent.ExecutionException ex) {
				failures.add(String.valueOf(ex.getCause().getMessage()));
			}
		}
		System.out.printf("[cds] start-up archives done in %.1f s%n", seconds(System.nanoTime() - started));
		if (!failures.isEmpty()) {
			failures.forEach(System.err::println);
			System.err.println("[cds] A training run failed: a service no longer refreshes its context without "
					+ "a database and a broker (see the log above). Fix it, or build with -Dinstaclone.cds.skip.");
			System.exit(1);
		}
	}

	private static double seconds(long nanos) {
		return Duration.ofNanos(nanos).toMillis() / 1000.0;
	}
}
