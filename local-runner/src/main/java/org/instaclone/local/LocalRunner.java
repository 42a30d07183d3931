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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * Runs the whole Instaclone system on this machine without Docker: embedded PostgreSQL, a KRaft Kafka
 * broker and the five services plus the gateway as separate JVMs. Prints {@code Instaclone is ready}
 * when every part answers, and stops everything (services, then Kafka, then PostgreSQL) on Ctrl-C or
 * SIGTERM. While it runs, {@link Control} commands stop, kill, start and restart one part (a rolling
 * restart over replicas). See docs/local-run.md.
 */
public final class LocalRunner {

	static final String READY_LINE = "Instaclone is ready";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);

	// graceful shutdown takes a few seconds; writing a CDS archive on the first stop of a build can take
	// half a minute on a busy 2-core machine
	private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(90);

	private static final Duration KAFKA_STOP_GRACE = Duration.ofSeconds(30);

	/** How long a control command's start or restart waits for one instance (or Kafka) to be ready. */
	private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(180);

	private final Options options;

	private final PrintStream out;

	private final Layout layout;

	/** The current process of each instance, by instance name, in start order. */
	private final Map<String, Child> services = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

	private final Map<Service, Path> jars = new LinkedHashMap<>();

	private final List<String> recording = new CopyOnWriteArrayList<>();

	/** Children stopped on purpose by a control command: their exit is no surprise. */
	private final Set<Child> expectedStops = ConcurrentHashMap.newKeySet();

	/** Guards starting a child against stopping everything at the same moment. */
	private final Object lifecycle = new Object();

	/** Control commands run one at a time. */
	private final Object commands = new Object();

	private volatile @Nullable JavaCommand javaCommand;

	private volatile @Nullable Secrets secrets;

	private volatile @Nullable Control control;

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

		/** The signing keys each process last fetched, kept for a restart while follow-service is down. */
		Path jwks() {
			return this.root.resolve("jwks");
		}

		Path cds() {
			return this.root.resolve("cds");
		}

		Path log(String name) {
			return logs().resolve(name + ".log");
		}
	}

	int run() {
		if (!this.options.command().isEmpty()) {
			return Control.send(this.layout.root(), this.options.command(), this.out);
		}
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
			Files.createDirectories(this.layout.jwks());
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
				this.javaCommand = JavaCommand.current(runnerJar, this.options.jvm(), this.options.heaps(),
						JavaCommand.appendedOptions(System.getenv(JavaCommand.OPTIONS_VARIABLE)));
				this.jars.putAll(jars);
				startAll();
			}
			catch (RuntimeException | IOException ex) {
				this.out.println("ERROR: " + ex.getMessage());
				stopAll();
				return 1;
			}
			this.control = Control.listen(this.layout.root(), this.out, this::command);
			printReady();
			// give back the start-up garbage: the runner only supervises from now on
			System.gc();
			while (true) {
				sleep(Duration.ofHours(1));
			}
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

	private void startAll() throws IOException {
		this.secrets = Secrets.load(this.layout.secrets());
		this.out.println("Starting Instaclone from " + this.options.home() + " (data in " + this.layout.root() + ")");
		this.out.println("  service JVMs: " + java().java() + " (Java " + Runtime.version() + "), --jvm="
				+ this.options.jvm().name().toLowerCase(java.util.Locale.ROOT) + ", --heap="
				+ this.options.heaps().name().toLowerCase(java.util.Locale.ROOT)
				+ (java().appended().isEmpty() ? "" : ", " + JavaCommand.OPTIONS_VARIABLE + " " + java().appended()));
		// PostgreSQL (initdb on first start) comes up while Kafka is formatted and started
		CompletableFuture<LocalPostgres> postgresStarted = CompletableFuture.supplyAsync(() -> {
			try {
				LocalPostgres pg = LocalPostgres.start(this.layout.postgres(), Services.POSTGRES_PORT, secrets(),
						this.layout.log("postgres"));
				this.postgres = pg;
				pg.ensureDatabases(Services.databases(), secrets());
				return pg;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		// each jar is extracted (once per build) meanwhile; the gateway needs no database and starts first
		Map<Service, CompletableFuture<StartupCache.Prepared>> prepared = new LinkedHashMap<>();
		this.jars.forEach((service, jar) -> prepared.put(service,
				CompletableFuture.supplyAsync(() -> StartupCache.prepare(java(), service, jar, this.layout.cds(),
						this.options.home()))));
		startKafka(false, this.out);
		List<Instance> instances = this.options.instances();
		for (Instance instance : instances) {
			if (instance.service().database() == null) {
				startInstance(instance, join(prepared.get(instance.service()), instance.name()), false, this.out);
			}
		}
		join(postgresStarted, "PostgreSQL");
		this.out.printf("  %-20s port %-6d log %s%n", "postgres", Services.POSTGRES_PORT, this.layout.log("postgres"));
		for (Instance instance : instances) {
			if (instance.service().database() != null) {
				startInstance(instance, join(prepared.get(instance.service()), instance.name()), false, this.out);
			}
		}
		awaitReady(instances, true, this.started, STARTUP_TIMEOUT, this.out);
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

	private void startKafka(boolean restart, PrintStream report) throws IOException {
		synchronized (this.lifecycle) {
			if (this.stopping) {
				throw new IllegalStateException("the runner is stopping");
			}
			Child broker = LocalKafka.start(java(), this.layout.kafka(), this.options.home(), this.layout.log("kafka"),
					restart);
			this.kafka = broker;
			watch(broker);
			report.printf("  %-20s pid %-7d log %s%n", "kafka", broker.pid(), broker.log());
		}
	}

	private void startInstance(Instance instance, StartupCache.Prepared launch, boolean restart, PrintStream report) {
		Service service = instance.service();
		Map<String, String> environment = new HashMap<>();
		environment.put("SERVER_PORT", Integer.toString(instance.port()));
		environment.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + Services.KAFKA_PORT);
		// its own copy of follow-service's public keys: a restart while follow-service is down still verifies tokens
		environment.put("INSTACLONE_SECURITY_JWKS_CACHE_FILE",
				this.layout.jwks().resolve(instance.name() + ".json").toString());
		if (this.options.replicasOf(service) > 1) {
			// behind the gateway's balancer, which polls readiness every second: on a stop, readiness goes
			// down at once and the instance serves 2 s more before closing connections (a preStop, locally)
			environment.put("INSTACLONE_SHUTDOWN_DRAIN", "2s");
		}
		String database = service.database();
		if (database != null) {
			environment.put("POSTGRES_URL", LocalPostgres.jdbcUrl(Services.POSTGRES_PORT, database));
			environment.put("POSTGRES_USER", database);
			environment.put("POSTGRES_PASSWORD", secrets().passwordFor(database));
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
			environment.put("INTEGRATIONS_SECRET_KEY", secrets().aesKeyFor("integrations-service"));
		}
		if (service.module().equals("gateway")) {
			environment.putAll(gatewayEnvironment());
		}
		// a replica never records a CDS archive: two JVMs writing one archive at exit would clash
		List<String> jvmOptions = (launch.recording() && instance.number() > 1) ? List.of() : launch.jvmOptions();
		synchronized (this.lifecycle) {
			if (this.stopping) {
				throw new IllegalStateException("the runner is stopping");
			}
			Child child = Child.start(instance.name(), java().service(service, launch.jar(), jvmOptions), environment,
					this.options.home(), this.layout.log(instance.name()), restart);
			this.services.put(instance.name(), child);
			watch(child);
			if (launch.recording() && instance.number() == 1) {
				this.recording.add(instance.name());
			}
			report.printf("  %-20s pid %-7d log %s%s%n", instance.name(), child.pid(), child.log(),
					(launch.recording() && instance.number() == 1)
							? "  (first run of this build: records a CDS archive when it stops)" : "");
		}
	}

	/**
	 * Where the gateway finds each service: {@code <MODULE>_URL} for the first instance, as in compose and
	 * Kubernetes; with replicas, the whole list of instances for the gateway's load balancer.
	 */
	private Map<String, String> gatewayEnvironment() {
		Map<String, String> environment = new HashMap<>();
		List<String> replicated = new ArrayList<>();
		for (Service backend : Services.ALL) {
			if (backend.database() == null) {
				continue;
			}
			environment.put(backend.module().toUpperCase().replace('-', '_') + "_URL", new Instance(backend, 1).baseUrl());
			if (this.options.runs(backend) && this.options.replicasOf(backend) > 1) {
				List<String> uris = new ArrayList<>();
				for (int number = 1; number <= this.options.replicasOf(backend); number++) {
					uris.add("{\"uri\":\"" + new Instance(backend, number).baseUrl() + "\"}");
				}
				replicated.add("\"" + backend.module() + "\":[" + String.join(",", uris) + "]");
			}
		}
		if (!replicated.isEmpty()) {
			environment.put("SPRING_APPLICATION_JSON", "{\"spring\":{\"cloud\":{\"discovery\":{\"client\":{\"simple\":"
					+ "{\"instances\":{" + String.join(",", replicated) + "}}}}}}}");
		}
		return environment;
	}

	/** Reports a child that ends without having been asked to; the rest keeps running (fault isolation). */
	private void watch(Child child) {
		child.process().onExit().thenAccept((process) -> {
			if (!this.stopping && !this.expectedStops.remove(child)) {
				this.out.println("WARNING: " + child.name() + " stopped unexpectedly (exit code " + process.exitValue()
						+ "); see its log " + child.log() + ". The rest keeps running; Ctrl-C stops everything"
						+ (this.control != null ? ", '" + startCommand(child.name()) + "' starts it again." : "."));
			}
		});
	}

	private String startCommand(String name) {
		return "java -jar local-runner/target/local-runner.jar"
				+ (this.layout.root().equals(this.options.home().resolve(Options.DEFAULT_DATA_DIR)) ? ""
						: " --data-dir=" + this.layout.root())
				+ " start " + name;
	}

	/**
	 * Waits until every instance (and, with {@code kafkaToo}, Kafka) answers ready; fails when one dies
	 * or the deadline passes.
	 */
	private void awaitReady(List<Instance> instances, boolean kafkaToo, Instant since, Duration timeout,
			PrintStream report) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Instant deadline = since.plus(timeout);
		List<Instance> pending = new ArrayList<>(instances);
		boolean kafkaReady = !kafkaToo;
		while (!pending.isEmpty() || !kafkaReady) {
			if (this.stopping) {
				throw new IllegalStateException("the runner is stopping");
			}
			failIfDied(pending, !kafkaReady);
			if (!kafkaReady && LocalKafka.isReady(Duration.ofSeconds(1))) {
				kafkaReady = true;
				report.printf("  ready: %-20s after %4.1f s%n", "kafka", secondsSince(since));
			}
			for (Instance instance : List.copyOf(pending)) {
				if (isReady(http, instance)) {
					pending.remove(instance);
					report.printf("  ready: %-20s after %4.1f s%n", instance.name(), secondsSince(since));
				}
			}
			if (Instant.now().isAfter(deadline)) {
				List<String> late = new ArrayList<>(pending.stream().map(Instance::name).toList());
				if (!kafkaReady) {
					late.add(0, "kafka");
				}
				StringBuilder message = new StringBuilder("Not ready in time:");
				for (String name : late) {
					message.append(System.lineSeparator()).append("  ").append(name).append(" (see ")
						.append(this.layout.log(name)).append(")");
				}
				throw new IllegalStateException(message.toString());
			}
			sleep(Duration.ofMillis(500));
		}
	}

	private static boolean isReady(HttpClient http, Instance instance) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(instance.readinessUrl()))
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
			throw new IllegalStateException("Interrupted while waiting for " + instance.name(), ex);
		}
	}

	private void failIfDied(List<Instance> pending, boolean kafkaToo) {
		List<Child> watched = new ArrayList<>();
		for (Instance instance : pending) {
			Child child = this.services.get(instance.name());
			if (child != null) {
				watched.add(child);
			}
		}
		Child broker = this.kafka;
		if (kafkaToo && broker != null) {
			watched.add(broker);
		}
		for (Child child : watched) {
			if (!child.isAlive()) {
				throw new IllegalStateException(child.name() + " exited during startup (exit code " + child.exitValue()
						+ "); see its log " + child.log() + "; last lines:" + System.lineSeparator() + child.tail(25));
			}
		}
	}

	private void printReady() {
		this.out.println();
		for (Instance instance : this.options.instances()) {
			String label = instance.service().module().equals("gateway") ? "web client and API (gateway)"
					: instance.name();
			this.out.printf("  %-30s %s%n", label, instance.baseUrl());
		}
		this.out.printf("  %-30s jdbc:postgresql://localhost:%d (logins in %s)%n", "PostgreSQL", Services.POSTGRES_PORT,
				this.layout.secrets());
		this.out.printf("  %-30s localhost:%d%n", "Kafka", Services.KAFKA_PORT);
		this.out.printf("  %-30s %s%n", "logs", this.layout.logs());
		if (this.control != null) {
			this.out.printf("  %-30s %s%n", "control (from another shell)", startCommand("NAME").replace(" start NAME",
					" status | restart NAME | stop NAME | kill NAME | start NAME"));
		}
		this.out.println();
		this.out.printf("%s (%.1f s). Press Ctrl-C to stop.%n", READY_LINE, secondsSince(this.started));
		this.out.flush();
	}

	/**
	 * One control command ({@link Control}), answered on {@code answer} and echoed to the runner's own
	 * output; one at a time. The last line is {@link Control#OK} or {@link Control#FAILED}.
	 */
	private void command(List<String> words, PrintStream answer) {
		synchronized (this.commands) {
			PrintStream report = new PrintStream(new TeeStream(this.out, answer), true, java.nio.charset.StandardCharsets.UTF_8);
			String verb = words.get(0);
			this.out.println("> " + String.join(" ", words));
			try {
				if (verb.equals("status") && words.size() == 1) {
					status(report);
				}
				else if (List.of("stop", "kill", "start", "restart").contains(verb) && words.size() == 2) {
					String target = words.get(1);
					if (target.equals("kafka")) {
						kafkaCommand(verb, report);
					}
					else {
						List<Instance> instances = this.options.instances()
							.stream()
							.filter((instance) -> instance.name().equals(target) || instance.service().module().equals(target))
							.toList();
						if (instances.isEmpty()) {
							throw new IllegalArgumentException("unknown name '" + target + "'; known: kafka, "
									+ String.join(", ", this.options.instances().stream().map(Instance::name).toList()));
						}
						instanceCommand(verb, instances, report);
					}
				}
				else {
					throw new IllegalArgumentException("unknown command '" + String.join(" ", words)
							+ "'; commands: status, stop NAME, kill NAME, start NAME, restart NAME");
				}
				report.println(Control.OK);
			}
			catch (RuntimeException | IOException ex) {
				report.println(Control.FAILED + ": " + ex.getMessage());
			}
			report.flush();
		}
	}

	private void status(PrintStream report) {
		Child broker = this.kafka;
		report.printf("  %-22s %s%n", "kafka", describe(broker));
		for (Instance instance : this.options.instances()) {
			report.printf("  %-22s %s, port %d%n", instance.name(), describe(this.services.get(instance.name())),
					instance.port());
		}
	}

	private static String describe(@Nullable Child child) {
		if (child == null) {
			return "not started";
		}
		return child.isAlive() ? "running (pid " + child.pid() + ")" : "stopped (exit code " + child.exitValue() + ")";
	}

	private void kafkaCommand(String verb, PrintStream report) throws IOException {
		Child broker = this.kafka;
		if (verb.equals("stop") || verb.equals("kill") || verb.equals("restart")) {
			if (broker != null && broker.isAlive()) {
				stopChild(broker, verb.equals("kill"), KAFKA_STOP_GRACE, report);
			}
		}
		if (verb.equals("start") || verb.equals("restart")) {
			Child current = this.kafka;
			if (current != null && current.isAlive()) {
				report.println("  kafka is already running (pid " + current.pid() + ")");
				return;
			}
			Instant since = Instant.now();
			startKafka(true, report);
			awaitReady(List.of(), true, since, RESTART_TIMEOUT, report);
		}
	}

	/** Replicas one at a time: stop one (graceful unless killed), start it, wait until ready, then the next. */
	private void instanceCommand(String verb, List<Instance> instances, PrintStream report) {
		for (Instance instance : instances) {
			Child child = this.services.get(instance.name());
			if (!verb.equals("start") && child != null && child.isAlive()) {
				stopChild(child, verb.equals("kill"), SERVICE_STOP_GRACE, report);
			}
			if (verb.equals("start") || verb.equals("restart")) {
				if (child != null && child.isAlive() && verb.equals("start")) {
					report.println("  " + instance.name() + " is already running (pid " + child.pid() + ")");
					continue;
				}
				Path jar = this.jars.get(instance.service());
				if (jar == null) {
					throw new IllegalArgumentException(instance.name() + " was not started by this runner (--only)");
				}
				// the jar in <module>/target now: a service rebuilt since the start runs its new code
				Instant since = Instant.now();
				startInstance(instance, StartupCache.prepare(java(), instance.service(), jar, this.layout.cds(),
						this.options.home()), true, report);
				awaitReady(List.of(instance), false, since, RESTART_TIMEOUT, report);
			}
		}
	}

	private void stopChild(Child child, boolean kill, Duration grace, PrintStream report) {
		Instant since = Instant.now();
		this.expectedStops.add(child);
		if (kill) {
			child.kill();
			report.printf("  killed: %-19s (SIGKILL)%n", child.name());
			return;
		}
		child.requestStop();
		if (child.awaitStop(Instant.now().plus(grace))) {
			report.printf("  stopped: %-18s after %4.1f s%n", child.name(), secondsSince(since));
		}
		else {
			report.printf("  %s did not stop within %d s and was killed%n", child.name(), grace.toSeconds());
		}
	}

	/** Services first (in parallel), then Kafka, then PostgreSQL; kills whatever outlives its grace. */
	private synchronized void stopAll() {
		List<Child> running;
		synchronized (this.lifecycle) {
			if (this.stopping && this.services.isEmpty() && this.kafka == null && this.postgres == null) {
				return;
			}
			this.stopping = true;
			running = new ArrayList<>(this.services.values());
		}
		Control listening = this.control;
		if (listening != null) {
			listening.close();
		}
		this.out.println("Stopping Instaclone...");
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

	private JavaCommand java() {
		JavaCommand command = this.javaCommand;
		if (command == null) {
			throw new IllegalStateException("not started");
		}
		return command;
	}

	private Secrets secrets() {
		Secrets loaded = this.secrets;
		if (loaded == null) {
			throw new IllegalStateException("not started");
		}
		return loaded;
	}

	/** Writes to two streams: a command's answer goes to its client and to the runner's own output. */
	private static final class TeeStream extends java.io.OutputStream {

		private final java.io.OutputStream first;

		private final java.io.OutputStream second;

		TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
			this.first = first;
			this.second = second;
		}

		@Override
		public void write(int b) throws IOException {
			this.first.write(b);
			this.second.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.first.write(b, off, len);
			this.second.write(b, off, len);
		}

		@Override
		public void flush() throws IOException {
			this.first.flush();
			this.second.flush();
		}
	}

	private static double secondsSince(Instant since) {
		return Duration.between(since, Instant.now()).toMillis() / 1000.0;
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
