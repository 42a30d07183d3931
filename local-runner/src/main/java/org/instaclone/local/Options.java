package org.instaclone.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: {@code [--home=DIR] [--data-dir=DIR] [--only=a,b] [--replicas=a=2] [--help] [COMMAND]}.
 *
 * @param home the repository root; service jars are read from {@code <home>/<module>/target/<module>.jar}
 * @param dataDir the one folder that holds every piece of local state (kept across restarts)
 * @param only the services to start; empty means all of them (PostgreSQL and Kafka always start)
 * @param replicas instances per service where more than one is wanted (the rest run one)
 * @param jvm the service JVMs' flags ({@code --jvm=default|benchmark})
 * @param heaps how their heaps are sized ({@code --heap=sized|fixed|elastic})
 * @param help whether to print the usage and exit
 * @param command a control command for a runner that is already running ({@code restart upload-service}),
 * empty to start the system
 */
record Options(Path home, Path dataDir, Set<String> only, Map<String, Integer> replicas, JavaCommand.Jvm jvm,
		JavaCommand.Heaps heaps, boolean help, List<String> command) {

	/** Replicas get the service's port plus 100 per replica (8082, 8182, 8282): at most three. */
	static final int MAX_REPLICAS = 3;

	static final String DEFAULT_DATA_DIR = ".instaclone";

	static final String USAGE = """
			Usage: java -jar local-runner/target/local-runner.jar [options]

			Starts PostgreSQL, Kafka, the five services and the gateway on this machine.
			Run it from the repository root (after ./mvnw -DskipTests package). Ctrl-C stops everything.

			Options:
			  --home=DIR       repository root holding <module>/target/<module>.jar (default: current directory)
			  --data-dir=DIR   folder for all local data and logs (default: <home>/.instaclone); relative to home
			  --only=A,B       start only these services (module names, e.g. follow-service,gateway);
			                   PostgreSQL and Kafka always start
			  --replicas=A=N   run N instances (2 or 3) of service A on its port + 100, + 200; the gateway
			                   balances over the ready ones (e.g. --replicas=upload-service=2,ads-service=2)
			  --jvm=PROFILE    the services' JVM flags: default (C1 only, small heaps: quick start) or
			                   benchmark (C2, for load tests); INSTACLONE_JVM_OPTIONS, if
			                   set, is appended to either (e.g. INSTACLONE_JVM_OPTIONS=-XX:+UseParallelGC)
			  --heap=SIZING    how the services' heaps are sized below their maximum: sized (default: 32 MB
			                   at start, following the live data), fixed (-Xms = -Xmx, to compare with a
			                   fixed-heap JVM) or elastic (the JVM's own sizing for all; for A/B runs)
			  --help           print this text

			Commands, sent to the runner that is running with the same --data-dir (from another terminal):
			  java -jar local-runner/target/local-runner.jar status
			  java -jar local-runner/target/local-runner.jar restart NAME   graceful stop, start, wait until
			                                                                 ready; replicas one at a time
			  java -jar local-runner/target/local-runner.jar stop NAME      graceful stop (SIGTERM)
			  java -jar local-runner/target/local-runner.jar kill NAME      SIGKILL, as a crash would
			  java -jar local-runner/target/local-runner.jar start NAME     start again, wait until ready
			NAME is kafka, a module (every replica of it) or one replica (upload-service-2). A restarted
			service runs the jar that is in <module>/target now: rebuild one service and restart it alone.
			""";

	static Options parse(List<String> args, Path workingDirectory) {
		Path home = workingDirectory;
		String dataDir = null;
		Set<String> only = new LinkedHashSet<>();
		Map<String, Integer> replicas = new LinkedHashMap<>();
		List<String> command = new ArrayList<>();
		JavaCommand.Jvm jvm = JavaCommand.Jvm.DEFAULT;
		JavaCommand.Heaps heaps = JavaCommand.Heaps.SIZED;
		boolean help = false;
		for (String arg : args) {
			if (!command.isEmpty() || !arg.startsWith("-")) {
				command.add(arg);
			}
			else if (arg.equals("--help") || arg.equals("-h")) {
				help = true;
			}
			else if (arg.startsWith("--home=")) {
				home = workingDirectory.resolve(value(arg));
			}
			else if (arg.startsWith("--data-dir=")) {
				dataDir = value(arg);
			}
			else if (arg.startsWith("--jvm=")) {
				jvm = JavaCommand.Jvm.named(value(arg));
			}
			else if (arg.startsWith("--heap=")) {
				heaps = JavaCommand.Heaps.named(value(arg));
			}
			else if (arg.startsWith("--only=")) {
				List<String> unknown = new ArrayList<>();
				for (String name : value(arg).split(",")) {
					String trimmed = name.trim();
					if (trimmed.isEmpty()) {
						continue;
					}
					if (Services.named(trimmed).isEmpty()) {
						unknown.add(trimmed);
					}
					only.add(trimmed);
				}
				if (!unknown.isEmpty()) {
					throw new IllegalArgumentException("Unknown service(s) in --only: " + String.join(", ", unknown)
							+ ". Known: " + String.join(", ", Services.names()));
				}
				if (only.isEmpty()) {
					throw new IllegalArgumentException("--only needs at least one service name");
				}
			}
			else if (arg.startsWith("--replicas=")) {
				for (String entry : value(arg).split(",")) {
					String[] parts = entry.trim().split("=", 2);
					if (parts.length != 2 || Services.named(parts[0].trim()).isEmpty()) {
						throw new IllegalArgumentException("--replicas takes SERVICE=N pairs of known services, got '"
								+ entry.trim() + "'. Known: " + String.join(", ", Services.names()));
					}
					String module = parts[0].trim();
					if (module.equals("gateway")) {
						throw new IllegalArgumentException(
								"--replicas: the gateway runs once (it owns port 8080; in Kubernetes an ingress balances over its replicas)");
					}
					int count;
					try {
						count = Integer.parseInt(parts[1].trim());
					}
					catch (NumberFormatException ex) {
						count = 0;
					}
					if (count < 1 || count > MAX_REPLICAS) {
						throw new IllegalArgumentException("--replicas: " + module + " needs 1.." + MAX_REPLICAS
								+ " instances, got '" + parts[1].trim() + "'");
					}
					replicas.put(module, count);
				}
			}
			else {
				throw new IllegalArgumentException("Unknown argument: " + arg);
			}
		}
		home = home.toAbsolutePath().normalize();
		Path data = home.resolve(dataDir == null ? DEFAULT_DATA_DIR : dataDir).toAbsolutePath().normalize();
		return new Options(home, data, Set.copyOf(only), Map.copyOf(replicas), jvm, heaps, help,
				List.copyOf(command));
	}

	/** How many instances of the service run (1 unless --replicas says more). */
	int replicasOf(Service service) {
		return this.replicas.getOrDefault(service.module(), 1);
	}

	/** Every instance to start, in the catalogue's order, replicas of a service one after the other. */
	List<Instance> instances() {
		List<Instance> instances = new ArrayList<>();
		for (Service service : Services.ALL) {
			if (runs(service)) {
				for (int number = 1; number <= replicasOf(service); number++) {
					instances.add(new Instance(service, number));
				}
			}
		}
		return instances;
	}

	private static String value(String arg) {
		String value = arg.substring(arg.indexOf('=') + 1);
		if (value.isBlank()) {
			throw new IllegalArgumentException("Missing value in " + arg);
		}
		return value;
	}

	boolean runs(Service service) {
		return this.only.isEmpty() || this.only.contains(service.module());
	}
}
