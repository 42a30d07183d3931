package org.instaclone.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local runner as a child process, started exactly as the README says: {@code java -jar
 * local-runner/target/local-runner.jar} from the repository root, with a fresh data folder.
 */
final class LocalRunnerProcess {

	static final String READY_LINE = "Instaclone is ready";

	private final Process process;

	private final Path dataDir;

	private final StringBuffer output = new StringBuffer();

	private final CountDownLatch ready = new CountDownLatch(1);

	private LocalRunnerProcess(Process process, Path dataDir) {
		this.process = process;
		this.dataDir = dataDir;
		Thread reader = new Thread(this::readOutput, "local-runner-output");
		reader.setDaemon(true);
		reader.start();
	}

	static LocalRunnerProcess start(Path home, Path dataDir) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(java, "-jar", "local-runner/target/local-runner.jar",
				"--data-dir=" + dataDir)
			.directory(home.toFile())
			.redirectErrorStream(true)
			.start();
		return new LocalRunnerProcess(process, dataDir);
	}

	private void readOutput() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				this.output.append(line).append('\n');
				System.out.println("[local-runner] " + line);
				if (line.startsWith(READY_LINE)) {
					this.ready.countDown();
				}
			}
		}
		catch (IOException ex) {
			this.output.append("(output closed: ").append(ex.getMessage()).append(")\n");
		}
	}

	/** Waits for the ready line; fails with the runner's output and every log's tail otherwise. */
	void awaitReady(Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (this.ready.await(500, TimeUnit.MILLISECONDS)) {
				return;
			}
			if (!this.process.isAlive()) {
				throw new AssertionError("The local runner exited (code " + this.process.exitValue()
						+ ") before it was ready\n" + diagnostics());
			}
		}
		throw new AssertionError("The local runner was not ready within " + timeout.toSeconds() + " s\n" + diagnostics());
	}

	Process process() {
		return this.process;
	}

	String output() {
		return this.output.toString();
	}

	/** The runner's output so far and the last lines of every log in its data folder. */
	String diagnostics() {
		StringBuilder text = new StringBuilder("--- local runner output ---\n").append(this.output);
		Path logs = this.dataDir.resolve("logs");
		if (Files.isDirectory(logs)) {
			try (Stream<Path> files = Files.list(logs)) {
				for (Path log : files.filter((file) -> file.toString().endsWith(".log")).sorted().toList()) {
					text.append("--- tail of ").append(log).append(" ---\n").append(tail(log, 40));
				}
			}
			catch (IOException ex) {
				text.append("(could not list ").append(logs).append(": ").append(ex.getMessage()).append(")\n");
			}
		}
		return text.toString();
	}

	private static String tail(Path log, int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
		}
		catch (IOException ex) {
			return "(could not read: " + ex.getMessage() + ")\n";
		}
	}

	/** SIGTERM, as Ctrl-C would; then waits for the runner to finish stopping everything. */
	boolean stop(Duration timeout) throws InterruptedException {
		this.process.destroy();
		return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Last resort after a failed test: kill the runner and whatever it started. */
	void kill() {
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly();
	}
}
