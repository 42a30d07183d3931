package org.instaclone.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process the runner started (Kafka or a service), with its output in {@code logs/<name>.log}. The
 * previous run's log is kept as {@code <name>.log.1}.
 */
final class Child {

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private final String name;

	private final Process process;

	private final Path log;

	private Child(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	static Child start(String name, List<String> command, Map<String, String> environment, Path workingDirectory,
			Path log) {
		return start(name, command, environment, workingDirectory, log, false);
	}

	/**
	 * Starts the process; a {@code restart} appends to the log it had (what it printed before a crash
	 * stays next to what it prints now) instead of starting a fresh one.
	 */
	static Child start(String name, List<String> command, Map<String, String> environment, Path workingDirectory,
			Path log, boolean restart) {
		List<String> fullCommand = new ArrayList<>();
		// its own session: a Ctrl-C in the terminal reaches only the runner, which then stops the
		// children in order (services, Kafka, PostgreSQL) instead of all at once
		if (Files.isExecutable(SETSID)) {
			fullCommand.add(SETSID.toString());
		}
		fullCommand.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(fullCommand).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo((restart ? markRestart(log) : rotate(log)).toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
		builder.environment().putAll(environment);
		try {
			return new Child(name, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	private static java.io.File nullDevice() {
		return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
	}

	/** Keeps the previous run's log as {@code .log.1} and starts a fresh one. */
	static Path rotate(Path log) {
		try {
			Files.createDirectories(log.getParent());
			if (Files.exists(log)) {
				Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
			}
			Files.writeString(log, "=== started by the Instaclone local runner at " + Instant.now() + " ===\n",
					StandardCharsets.UTF_8);
			return log;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare " + log, ex);
		}
	}

	private static Path markRestart(Path log) {
		try {
			Files.writeString(log, "=== restarted by the Instaclone local runner at " + Instant.now() + " ===\n",
					StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
			return log;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare " + log, ex);
		}
	}

	String name() {
		return this.name;
	}

	Path log() {
		return this.log;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	int exitValue() {
		return this.process.exitValue();
	}

	Process process() {
		return this.process;
	}

	/** Waits for the process to end and returns its exit code, failing after the timeout. */
	int waitFor(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException(this.name + " did not finish within " + timeout.toSeconds()
						+ " s; see " + this.log);
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + this.name, ex);
		}
	}

	/** Kills the process and whatever it started at once (SIGKILL), as a crash would. */
	void kill() {
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Asks the process to stop (SIGTERM). */
	void requestStop() {
		if (this.process.isAlive()) {
			this.process.destroy();
		}
	}

	/** Waits until the deadline for the process to stop, then kills it and whatever it started. */
	boolean awaitStop(Instant deadline) {
		long remaining = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
		try {
			if (this.process.waitFor(remaining, TimeUnit.MILLISECONDS)) {
				return true;
			}
			this.process.descendants().forEach(ProcessHandle::destroyForcibly);
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
			return false;
		}
	}

	/** The last lines of its log, for error messages. */
	String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(could not read " + this.log + ": " + ex.getMessage() + ")";
		}
	}
}
