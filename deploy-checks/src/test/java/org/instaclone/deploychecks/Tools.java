package org.instaclone.deploychecks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The external tools the checks run. In CI (CI=true) a missing tool fails the build, because
 * .ci/run installs them; on a developer's machine it skips the checks that need it.
 */
final class Tools {

	record Result(int exit, String output) {
	}

	private Tools() {
	}

	/** The executable named by {@code envVar}, else {@code name} on the PATH. */
	static String require(String envVar, String name, String howToInstall) {
		String configured = System.getenv(envVar);
		if (configured != null && !configured.isBlank()) {
			if (Files.isExecutable(Path.of(configured))) {
				return configured;
			}
			Assertions.fail(envVar + "=" + configured + " is not an executable file");
		}
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (!dir.isEmpty() && Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		missing(name + " not found (set " + envVar + " or put it on the PATH; " + howToInstall + ")");
		throw new AssertionError("unreachable");
	}

	static void missing(String message) {
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail(message);
		}
		Assumptions.abort(message);
	}

	static Result run(List<String> command, Map<String, String> environment) {
		try {
			Path output = Files.createTempFile("deploy-checks", ".out");
			try {
				ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(Repo.root().toFile())
					.redirectErrorStream(true)
					.redirectOutput(output.toFile());
				builder.environment().putAll(environment);
				Process process = builder.start();
				if (!process.waitFor(120, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					Assertions.fail("Timed out: " + command);
				}
				return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
