package org.instaclone.systemtests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local runner as a child process, started exactly as the README says: {@code java -jar
 * local-runner/target/local-runner.jar} from the repository root, with a fresh data folder. Its output
 * goes to a file beside the data folder (reading a pipe loses the last lines when the process exits).
 */
final class LocalRunnerProcess {

	static final String READY_LINE = "Instaclone is ready";

	/** The runner's modules, one JVM each. */
	static final List<String> MODULES = List.of("gateway", "follow-service", "upload-service", "ads-service",
			"integrations-service", "metrics-service");

	/** Every port the local system listens on: gateway, services, the fault suite's second upload-service, PostgreSQL, Kafka (broker, controller). */
	static final List<Integer> PORTS = List.of(8080, 8081, 8082, 8083, 8084, 8085, 8182, 15432, 19092, 19093);

	private final Process process;

	private final Path dataDir;

	private final Path outputFile;

	private final Path home;

	private LocalRunnerProcess(Process process, Path home, Path dataDir, Path outputFile) {
		this.process = process;
		this.home = home;
		this.dataDir = dataDir;
		this.outputFile = outputFile;
	}

	static LocalRunnerProcess start(Path home, Path dataDir) throws IOException {
		return start(home, dataDir, Map.of(), List.of());
	}

	/**
	 * Starts the runner with {@code environment} added to this JVM's: the runner passes its environment
	 * on to every service and the gateway (e.g. {@code INSTACLONE_FAULT_INJECTION_ENABLED=true}).
	 */
	static LocalRunnerProcess start(Path home, Path dataDir, Map<String, String> environment, List<String> options)
			throws IOException {
		Path outputFile = dataDir.resolveSibling(dataDir.getFileName() + "-runner.out");
		List<String> command = new ArrayList<>(runnerCommand(dataDir));
		command.addAll(options);
		ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(outputFile.toFile());
		builder.environment().putAll(environment);
		return new LocalRunnerProcess(builder.start(), home, dataDir, outputFile);
	}

	private static List<String> runnerCommand(Path dataDir) {
		String java = ProcessHandle.current().info().command().orElse("java");
		return List.of(java, "-jar", "local-runner/target/local-runner.jar", "--data-dir=" + dataDir);
	}

	/**
	 * Sends a control command to the running runner exactly as a user would from another shell
	 * ({@code java -jar local-runner/target/local-runner.jar --data-dir=... restart upload-service}) and
	 * returns what it printed; fails unless the command succeeded.
	 */
	String command(Duration timeout, String... words) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(runnerCommand(this.dataDir));
		command.addAll(List.of(words));
		Process client = new ProcessBuilder(command).directory(this.home.toFile()).redirectErrorStream(true).start();
		if (!client.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			client.destroyForcibly();
			throw new AssertionError("'" + String.join(" ", words) + "' did not finish within " + timeout.toSeconds()
					+ " s\n" + diagnostics());
		}
		String answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (client.exitValue() != 0) {
			throw new AssertionError("'" + String.join(" ", words) + "' failed (exit " + client.exitValue() + "):\n"
					+ answer + "\n" + diagnostics());
		}
		return answer;
	}

	/** Waits for the ready line; fails with the runner's output and every log's tail otherwise. */
	void awaitReady(Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (output().lines().anyMatch((line) -> line.startsWith(READY_LINE))) {
				System.out.println(output());
				return;
			}
			if (!this.process.isAlive()) {
				throw new AssertionError("The local runner exited (code " + this.process.exitValue()
						+ ") before it was ready\n" + diagnostics());
			}
			Thread.sleep(500);
		}
		throw new AssertionError("The local runner was not ready within " + timeout.toSeconds() + " s\n" + diagnostics());
	}

	Process process() {
		return this.process;
	}

	/**
	 * Kills the JVM of one service the runner started (SIGKILL: no shutdown hook, no graceful stop),
	 * found among the runner's descendants by its jar ({@code <module>.jar} in the command line), and
	 * waits until it is gone.
	 */
	void killService(String module, Duration timeout) throws Exception {
		List<ProcessHandle> service = this.process.descendants()
			.filter((child) -> child.info().commandLine().orElse("").contains(module + ".jar"))
			.toList();
		if (service.isEmpty()) {
			throw new AssertionError("No process of " + module + " among the runner's children\n" + diagnostics());
		}
		service.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle child : service) {
			child.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	String output() {
		try {
			return Files.readString(this.outputFile, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(could not read " + this.outputFile + ": " + ex.getMessage() + ")";
		}
	}

	/** The runner's output so far and the last lines of every log in its data folder. */
	String diagnostics() {
		StringBuilder text = new StringBuilder("--- local runner output ---\n").append(output()).append('\n');
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

	static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
