package org.instaclone.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line: {@code [--home=DIR] [--data-dir=DIR] [--only=a,b] [--help]}.
 *
 * @param home the repository root; service jars are read from {@code <home>/<module>/target/<module>.jar}
 * @param dataDir the one folder that holds every piece of local state (kept across restarts)
 * @param only the services to start; empty means all of them (PostgreSQL and Kafka always start)
 * @param help whether to print the usage and exit
 */
record Options(Path home, Path dataDir, Set<String> only, boolean help) {

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
			  --help           print this text
			""";

	static Options parse(List<String> args, Path workingDirectory) {
		Path home = workingDirectory;
		String dataDir = null;
		Set<String> only = new LinkedHashSet<>();
		boolean help = false;
		for (String arg : args) {
			if (arg.equals("--help") || arg.equals("-h")) {
				help = true;
			}
			else if (arg.startsWith("--home=")) {
				home = workingDirectory.resolve(value(arg));
			}
			else if (arg.startsWith("--data-dir=")) {
				dataDir = value(arg);
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
			else {
				throw new IllegalArgumentException("Unknown argument: " + arg);
			}
		}
		home = home.toAbsolutePath().normalize();
		Path data = home.resolve(dataDir == null ? DEFAULT_DATA_DIR : dataDir).toAbsolutePath().normalize();
		return new Options(home, data, Set.copyOf(only), help);
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
