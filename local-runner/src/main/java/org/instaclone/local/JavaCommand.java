package org.instaclone.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Builds the command lines of the child JVMs, with the same {@code java} binary that runs the runner.
 */
record JavaCommand(String java, Path runnerJar, Jvm jvm, List<String> appended) {

	/** The environment variable whose flags (split on white space) are appended to every service JVM's. */
	static final String OPTIONS_VARIABLE = "INSTACLONE_JVM_OPTIONS";

	/** Which set of flags the service JVMs get ({@code --jvm=}). */
	enum Jvm {

		/** Fast start and a small footprint for a laptop: C1 only, a heap that starts at 32 MB. */
		DEFAULT,

		/**
		 * For measuring throughput and latency (load-tests/benchmark.sh): the full JIT (C2), and a fixed
		 * heap of the same size as the default's maximum, so the numbers are of compiled code and no heap
		 * resizing happens during a run.
		 */
		BENCHMARK;

		static Jvm named(String name) {
			for (Jvm jvm : values()) {
				if (jvm.name().equalsIgnoreCase(name)) {
					return jvm;
				}
			}
			throw new IllegalArgumentException("--jvm takes default or benchmark, got '" + name + "'");
		}

	}

	JavaCommand {
		appended = List.copyOf(appended);
	}

	/** The default flags and nothing appended. */
	JavaCommand(String java, Path runnerJar) {
		this(java, runnerJar, Jvm.DEFAULT, List.of());
	}

	/**
	 * The flags every service JVM gets by default. Measured on a 2-core machine (docs/local-run.md):
	 * serial GC and C1 only ({@code TieredStopAtLevel=1}) start a Boot service in about half the CPU time
	 * of the defaults and keep its footprint small; the caps bound what each JVM may reserve beyond the heap.
	 */
	static List<String> serviceOptions(Service service) {
		return serviceOptions(service, Jvm.DEFAULT);
	}

	/**
	 * The flags of one profile. {@link Jvm#BENCHMARK} keeps the serial collector (on 2 shared cores a
	 * parallel collector's threads compete with the request threads, and these heaps collect in a few ms)
	 * but drops {@code TieredStopAtLevel=1}, so hot code reaches C2, gives the code cache room for C2's
	 * code, and fixes the heap ({@code -Xms} = {@code -Xmx}).
	 */
	static List<String> serviceOptions(Service service, Jvm jvm) {
		String heap = service.heapMegabytes() + "m";
		return switch (jvm) {
			case DEFAULT -> List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms32m", "-Xmx" + heap,
					"-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m", "-XX:MaxDirectMemorySize=64m",
					"-XX:+ExitOnOutOfMemoryError");
			case BENCHMARK -> List.of("-XX:+UseSerialGC", "-Xss512k", "-Xms" + heap, "-Xmx" + heap,
					"-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=128m", "-XX:MaxDirectMemorySize=64m",
					"-XX:+ExitOnOutOfMemoryError");
		};
	}

	/** Flags from {@link #OPTIONS_VARIABLE}'s value: split on white space, blanks dropped. */
	static List<String> appendedOptions(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return List.of(value.trim().split("\\s+"));
	}

	/** The runner's own {@code java} (so {@code <jdk>/bin/java -jar local-runner.jar} runs every JVM on that JDK). */
	static JavaCommand current(Path runnerJar) {
		return current(runnerJar, Jvm.DEFAULT, List.of());
	}

	static JavaCommand current(Path runnerJar, Jvm jvm, List<String> appended) {
		String java = ProcessHandle.current().info().command().orElse(
				Path.of(System.getProperty("java.home"), "bin", "java").toString());
		return new JavaCommand(java, runnerJar, jvm, appended);
	}

	List<String> service(Service service, Path jar, List<String> extraOptions) {
		List<String> command = new ArrayList<>();
		command.add(this.java);
		command.addAll(serviceOptions(service, this.jvm));
		command.addAll(this.appended);
		command.addAll(extraOptions);
		command.add("-jar");
		command.add(jar.toString());
		return command;
	}

	/** A main class from the Kafka jars nested in the runner's own jar, through PropertiesLauncher. */
	List<String> kafkaTool(String mainClass, List<String> jvmOptions) {
		List<String> command = new ArrayList<>();
		command.add(this.java);
		command.addAll(jvmOptions);
		command.add("-Dloader.main=" + mainClass);
		command.add("-cp");
		command.add(this.runnerJar.toString());
		command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
		return command;
	}
}
