package org.instaclone.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * Runs the whole Instaclone system on this machine without Docker: embedded PostgreSQL, a KRaft Kafka
 * broker and the five services plus the gateway as separate JVMs. Prints {@code Instaclone is ready}
 * when every part answers, and stops everything (services, then Kafka, then PostgreSQL) on Ctrl-C or
 * SIGTERM. See docs/local-run.md.
 */
public final class LocalRunner {

	static final String READY_LINE = "Instaclone is ready";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);

	// graceful shutdown takes a few seconds; writing a CDS archive on the first stop of a build can take
	// half a minute on a busy 2-core machine
	private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(90);

	private static final Duration KAFKA_STOP_GRACE = Duration.ofSeconds(30);

	private final Options options;

	private final PrintStream out;

	private final Layout layout;

	private final List<Child> services = new CopyOnWriteArrayList<>();

	private final List<String> recording = new CopyOnWriteArrayList<>();

	private volatile @Nullable Child kafka;

	private volatile @Nullable LocalPostgres postgres;

	private volatile boolean stopping;

	private final Instant started = Instant.now();

	private LocalRunner(Options options, PrintStream out) {
		this.options = options;
		this.out = out;
		this.layout = new Layout(options.dataDir());
	}

	public static void main(String[] args) {
		Options options;
		try {
			options = Options.parse(List.of(args), Path.of("").toAbsolutePath());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println();
			System.err.print(Options.USAGE);
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.print(Options.USAGE);
			return;
		}
		System.exit(new LocalRunner(options, System.out).run());
	}

	/** The folders and files under the data directory (one place for all local state). */
	record Layout(Path root) {

		Path postgres() {
			return this.root.resolve("postgres");
		}

		Path kafka() {
			return this.root.resolve("kafka");
		}

		Path keys() {
			return this.root.resolve("keys");
		}

		/** upload-service's photos (the local blob store), kept with the rest of the data. */
		Path media() {
			return this.root.resolve("media");
		}

		Path secrets() {
			return this.root.resolve("secrets");
		}

		Path logs() {
			return this.root.resolve("logs");
		}

		Path cds() {
			return this.root.resolve("cds");
		}

		Path log(String name) {
			return logs().resolve(name + ".log");
		}
	}

	int run() {
		List<Service> selected = Services.ALL.stream().filter(this.options::runs).toList();
		List<String> problems = new ArrayList<>();
		Map<Service, Path> jars = new LinkedHashMap<>();
		for (Service service : selected) {
			Path jar = this.options.home().resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
			if (!Files.isRegularFile(jar)) {
				problems.add("Missing " + jar + " (build it first: ./mvnw -q -DskipTests package)");
			}
			jars.put(service, jar);
		}
		Path runnerJar = runnerJar();
		if (!Files.isRegularFile(runnerJar)) {
			problems.add("Missing " + runnerJar + " (build it first: ./mvnw -q -DskipTests package)");
		}
		for (Ports.Conflict conflict : Ports.conflicts(Ports.needed(this.options))) {
			problems.add(conflict.message());
		}
		if (!problems.isEmpty()) {
			problems.forEach((problem) -> this.out.println("ERROR: " + problem));
			if (problems.stream().anyMatch((problem) -> problem.startsWith("Port"))) {
				this.out.println("Stop whatever uses it (a previous run still going? see: ss -ltnp) and start again.");
			}
			return 1;
		}
		try {
			Files.createDirectories(this.layout.logs());
			Secrets.createPrivateDirectory(this.layout.keys());
		}
		catch (IOException ex) {
			this.out.println("ERROR: cannot create " + this.layout.root() + ": " + ex.getMessage());
			return 1;
		}
		try (FileChannel lockFile = FileChannel.open(this.layout.root().resolve("runner.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
			if (lock == null) {
				this.out.println("ERROR: another local runner is using " + this.layout.root());
				return 1;
			}
			Thread hook = new Thread(this::stopAll, "instaclone-stop");
			Runtime.getRuntime().addShutdownHook(hook);
			try {
				startAll(JavaCommand.current(runnerJar), jars);
			}
			catch (RuntimeException | IOException ex) {
				this.out.println("ERROR: " + ex.getMessage());
				stopAll();
				return 1;
			}
			printReady(selected);
			// give back the start-up garbage: the runner only supervises from now on
			System.gc();
			superviseUntilStopped();
			return 0;
		}
		catch (IOException ex) {
			this.out.println("ERROR: cannot lock " + this.layout.root() + ": " + ex.getMessage());
			return 1;
		}
	}

	private Path runnerJar() {
		String classPath = System.getProperty("java.class.path", "");
		if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
			return Path.of(classPath).toAbsolutePath().normalize();
		}
		return this.options.home().resolve("local-runner/target/local-runner.jar");
	}

	private void startAll(JavaCommand java, Map<Service, Path> jars) throws IOException {
		Secrets secrets = Secrets.load(this.layout.secrets());
		this.out.println("Starting Instaclone from " + this.options.home() + " (data in " + this.layout.root() + ")");
		// PostgreSQL (initdb on first start) comes up while Kafka is formatted and started
		CompletableFuture<LocalPostgres> postgresStarted = CompletableFuture.supplyAsync(() -> {
			try {
				LocalPostgres pg = LocalPostgres.start(this.layout.postgres(), Services.POSTGRES_PORT, secrets,
						this.layout.log("postgres"));
				this.postgres = pg;
				pg.ensureDatabases(Services.databases(), secrets);
				return pg;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		// each jar is extracted (once per build) meanwhile; the gateway needs no database and starts first
		Map<Service, CompletableFuture<StartupCache.Prepared>> prepared = new LinkedHashMap<>();
		jars.forEach((service, jar) -> prepared.put(service, CompletableFuture.supplyAsync(() -> StartupCache
			.prepare(java, service, jar, this.layout.cds(), this.options.home()))));
		Child broker = LocalKafka.start(java, this.layout.kafka(), this.options.home(), this.layout.log("kafka"));
		this.kafka = broker;
		this.out.printf("  %-20s pid %-7d log %s%n", "kafka", broker.pid(), broker.log());
		for (Service service : jars.keySet()) {
			if (service.database() == null) {
				startService(java, service, join(prepared.get(service), service.module()), secrets);
			}
		}
		join(postgresStarted, "PostgreSQL");
		this.out.printf("  %-20s port %-6d log %s%n", "postgres", Services.POSTGRES_PORT, this.layout.log("postgres"));
		for (Service service : jars.keySet()) {
			if (service.database() != null) {
				startService(java, service, join(prepared.get(service), service.module()), secrets);
			}
		}
		awaitReady(jars.keySet().stream().toList());
	}

	private <T> T join(CompletableFuture<T> future, String what) {
		try {
			return future.join();
		}
		catch (java.util.concurrent.CompletionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new IllegalStateException(what + " could not start: " + cause.getMessage(), cause);
		}
	}

	private void startService(JavaCommand java, Service service, StartupCache.Prepared launch, Secrets secrets) {
		Map<String, String> environment = new HashMap<>();
		environment.put("SERVER_PORT", Integer.toString(service.port()));
		environment.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + Services.KAFKA_PORT);
		String database = service.database();
		if (database != null) {
			environment.put("POSTGRES_URL", LocalPostgres.jdbcUrl(Services.POSTGRES_PORT, database));
			environment.put("POSTGRES_USER", database);
			environment.put("POSTGRES_PASSWORD", secrets.passwordFor(database));
			// locally two idle connections per service are plenty (the pool still grows to its maximum)
			environment.put("SPRING_DATASOURCE_HIKARI_MINIMUMIDLE", "2");
		}
		if (service.module().equals("follow-service")) {
			environment.put("INSTACLONE_TOKENS_KEY_DIR", this.layout.keys().toString());
		}
		if (service.module().equals("upload-service")) {
			environment.put("MEDIA_DIR", this.layout.media().toString());
		}
		if (service.module().equals("integrations-service")) {
			// its own random key, kept in the data folder: never the public development key
			environment.put("INTEGRATIONS_SECRET_KEY", secrets.aesKeyFor("integrations-service"));
		}
		if (service.module().equals("gateway")) {
			for (Service backend : Services.ALL) {
				if (backend.database() != null) {
					String variable = backend.module().toUpperCase().replace('-', '_') + "_URL";
					environment.put(variable, backend.baseUrl());
				}
			}
		}
		Child child = Child.start(service.module(), java.service(service, launch.jar(), launch.jvmOptions()),
				environment, this.options.home(), this.layout.log(service.module()));
		this.services.add(child);
		if (launch.recording()) {
			this.recording.add(service.module());
		}
		this.out.printf("  %-20s pid %-7d log %s%s%n", service.module(), child.pid(), child.log(),
				launch.recording() ? "  (first run of this build: records a CDS archive when it stops)" : "");
	}

	private void awaitReady(List<Service> selected) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Instant deadline = this.started.plus(STARTUP_TIMEOUT);
		List<Service> pending = new ArrayList<>(selected);
		boolean kafkaReady = false;
		while (!pending.isEmpty() || !kafkaReady) {
			failIfAChildDied();
			if (!kafkaReady && LocalKafka.isReady(Duration.ofSeconds(1))) {
				kafkaReady = true;
				this.out.printf("  ready: %-20s after %4.1f s%n", "kafka", seconds());
			}
			for (Service service : List.copyOf(pending)) {
				if (isReady(http, service)) {
					pending.remove(service);
					this.out.printf("  ready: %-20s after %4.1f s%n", service.module(), seconds());
				}
			}
			if (Instant.now().isAfter(deadline)) {
				List<String> late = new ArrayList<>(pending.stream().map(Service::module).toList());
				if (!kafkaReady) {
					late.add(0, "kafka");
				}
				StringBuilder message = new StringBuilder("Not ready after " + STARTUP_TIMEOUT.toSeconds() + " s:");
				for (String name : late) {
					message.append(System.lineSeparator()).append("  ").append(name).append(" (see ")
						.append(this.layout.log(name)).append(")");
				}
				throw new IllegalStateException(message.toString());
			}
			sleep(Duration.ofMillis(500));
		}
	}

	private static boolean isReady(HttpClient http, Service service) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(service.readinessUrl()))
			.timeout(Duration.ofSeconds(2))
			.GET()
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + service.module(), ex);
		}
	}

	private void failIfAChildDied() {
		List<Child> all = new ArrayList<>(this.services);
		Child broker = this.kafka;
		if (broker != null) {
			all.add(broker);
		}
		for (Child child : all) {
			if (!child.isAlive()) {
				throw new IllegalStateException(child.name() + " exited during startup (exit code " + child.exitValue()
						+ "); see its log " + child.log() + "; last lines:" + System.lineSeparator() + child.tail(25));
			}
		}
	}

	private void printReady(List<Service> selected) {
		this.out.println();
		for (Service service : selected) {
			String label = service.module().equals("gateway") ? "web client and API (gateway)" : service.module();
			this.out.printf("  %-30s %s%n", label, service.baseUrl());
		}
		this.out.printf("  %-30s jdbc:postgresql://localhost:%d (logins in %s)%n", "PostgreSQL", Services.POSTGRES_PORT,
				this.layout.secrets());
		this.out.printf("  %-30s localhost:%d%n", "Kafka", Services.KAFKA_PORT);
		this.out.printf("  %-30s %s%n", "logs", this.layout.logs());
		this.out.println();
		this.out.printf("%s (%.1f s). Press Ctrl-C to stop.%n", READY_LINE, seconds());
		this.out.flush();
	}

	/** Reports children that stop on their own; the others keep running (fault isolation). */
	private void superviseUntilStopped() {
		List<CompletableFuture<Process>> exits = new ArrayList<>();
		List<Child> all = new ArrayList<>(this.services);
		Child broker = this.kafka;
		if (broker != null) {
			all.add(broker);
		}
		for (Child child : all) {
			exits.add(child.process().onExit().thenApply((process) -> {
				if (!this.stopping) {
					this.out.println("WARNING: " + child.name() + " stopped unexpectedly (exit code " + process.exitValue()
							+ "); see its log " + child.log() + ". The rest keeps running; Ctrl-C stops everything.");
				}
				return process;
			}));
		}
		while (true) {
			sleep(Duration.ofHours(1));
		}
	}

	/** Services first (in parallel), then Kafka, then PostgreSQL; kills whatever outlives its grace. */
	private synchronized void stopAll() {
		if (this.stopping && this.services.isEmpty() && this.kafka == null && this.postgres == null) {
			return;
		}
		this.stopping = true;
		this.out.println("Stopping Instaclone...");
		List<Child> running = new ArrayList<>(this.services);
		if (!running.isEmpty() && !this.recording.isEmpty()) {
			this.out.println("  first stop after a build: the services write their start-up (CDS) archives, which takes a while;"
					+ " the next start is about twice as fast");
		}
		running.forEach(Child::requestStop);
		Instant deadline = Instant.now().plus(SERVICE_STOP_GRACE);
		for (Child child : running) {
			if (!child.awaitStop(deadline)) {
				this.out.println("  " + child.name() + " did not stop within " + SERVICE_STOP_GRACE.toSeconds()
						+ " s and was killed");
			}
		}
		this.services.clear();
		Child broker = this.kafka;
		if (broker != null) {
			broker.requestStop();
			if (!broker.awaitStop(Instant.now().plus(KAFKA_STOP_GRACE))) {
				this.out.println("  kafka did not stop within " + KAFKA_STOP_GRACE.toSeconds() + " s and was killed");
			}
			this.kafka = null;
		}
		LocalPostgres pg = this.postgres;
		if (pg != null) {
			try {
				pg.close();
			}
			catch (UncheckedIOException ex) {
				this.out.println("  PostgreSQL: " + ex.getMessage() + "; see " + this.layout.log("postgres"));
			}
			this.postgres = null;
		}
		this.out.println("Stopped.");
		this.out.flush();
	}

	private double seconds() {
		return Duration.between(this.started, Instant.now()).toMillis() / 1000.0;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}
}
