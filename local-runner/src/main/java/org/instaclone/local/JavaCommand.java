package org.instaclone.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Builds the command lines of the child JVMs, with the same {@code java} binary that runs the runner.
 */
record JavaCommand(String java, Path runnerJar, Jvm jvm, Heaps heaps, List<String> appended) {

	/** The environment variable whose flags (split on white space) are appended to every service JVM's. */
	static final String OPTIONS_VARIABLE = "INSTACLONE_JVM_OPTIONS";

	/** Which set of flags the service JVMs get ({@code --jvm=}). */
	enum Jvm {

		/** Fast start and a small footprint for a laptop: C1 only. */
		DEFAULT,

		/**
		 * For measuring throughput and latency (load-tests/benchmark.sh): the full JIT (C2) and room in
		 * the code cache for its code, so the numbers are of compiled code; the same heaps as the default.
		 */
		BENCHMARK;

		static Jvm named(String name) {
			return constant(Jvm.class, "--jvm", name);
		}

	}

	/** How the service JVMs' heaps are sized below their maximum ({@code --heap=}). */
	enum Heaps {

		/** Each service's own {@link Service.Heap}: 32 MB at start, grown and given back with the live data. */
		SIZED,

		/**
		 * The whole maximum from the start ({@code -Xms} = {@code -Xmx}) and the JVM's own generation sizes: to
		 * compare with a JVM that has a fixed heap (the monolith twin, monolith/bench/compare.sh) and with the
		 * benchmark runs measured before the heaps were sized (docs/performance.md).
		 */
		FIXED,

		/**
		 * 32 MB at start and the JVM's own sizing for every service ({@link Service.Heap#ELASTIC}, no fixed young
		 * generation): the other side of an A/B against the compact shape.
		 */
		ELASTIC;

		static Heaps named(String name) {
			return constant(Heaps.class, "--heap", name);
		}

	}

	/** The constant of an option's enum named {@code name} (any case), or which ones the option takes. */
	private static <E extends Enum<E>> E constant(Class<E> type, String option, String name) {
		List<String> names = new ArrayList<>();
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(name)) {
				return constant;
			}
			names.add(constant.name().toLowerCase(Locale.ROOT));
		}
		throw new IllegalArgumentException(option + " takes " + String.join(", ", names.subList(0, names.size() - 1))
				+ " or " + names.get(names.size() - 1) + ", got '" + name + "'");
	}

	JavaCommand {
		appended = List.copyOf(appended);
	}

	/** The default flags and nothing appended. */
	JavaCommand(String java, Path runnerJar) {
		this(java, runnerJar, Jvm.DEFAULT, Heaps.SIZED, List.of());
	}

	/** A profile's flags with each service's own heap sizing. */
	JavaCommand(String java, Path runnerJar, Jvm jvm, List<String> appended) {
		this(java, runnerJar, jvm, Heaps.SIZED, appended);
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
	 * The flags of one profile. Both have the serial collector (on 2 shared cores a parallel collector's
	 * threads compete with the request threads, and these heaps collect in a few ms) and the same heap: an
	 * explicit maximum, 32 MB at start, sized in between by the service's {@link Service.Heap}, so the
	 * resident memory follows the live data rather than the maximum. {@link Jvm#BENCHMARK} drops
	 * {@code TieredStopAtLevel=1}, so hot code reaches C2, and gives the code cache room for C2's code.
	 */
	static List<String> serviceOptions(Service service, Jvm jvm) {
		return serviceOptions(service, jvm, Heaps.SIZED, Runtime.version());
	}

	static List<String> serviceOptions(Service service, Jvm jvm, Runtime.Version version) {
		return serviceOptions(service, jvm, Heaps.SIZED, version);
	}

	/**
	 * The flags of one profile on a JVM of the given version (the runner's own: the services run on its
	 * {@code java}). From JDK 17.0.9 and 21.0.1 on, the JVM returns the C heap that glibc keeps after a
	 * burst of native allocations (class loading, JIT compilation) every 10 s
	 * ({@code TrimNativeHeapInterval}, experimental until 17.0.11/21.0.3, hence the unlock). {@code heaps}
	 * other than {@link Heaps#SIZED} replace the service's own heap sizing, for measuring.
	 */
	static List<String> serviceOptions(Service service, Jvm jvm, Heaps heaps, Runtime.Version version) {
		List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC"));
		if (jvm == Jvm.DEFAULT) {
			options.add("-XX:TieredStopAtLevel=1");
		}
		String maximum = service.heapMegabytes() + "m";
		options.addAll(List.of("-Xss512k", "-Xms" + ((heaps == Heaps.FIXED) ? maximum : "32m"), "-Xmx" + maximum));
		if (heaps == Heaps.SIZED) {
			options.addAll(service.heap().options());
		}
		if (trimsNativeHeap(version)) {
			options.addAll(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=10000"));
		}
		options.addAll(List.of("-XX:MaxMetaspaceSize=192m",
				"-XX:ReservedCodeCacheSize=" + ((jvm == Jvm.DEFAULT) ? "64m" : "128m"), "-XX:MaxDirectMemorySize=64m",
				"-XX:+ExitOnOutOfMemoryError"));
		return List.copyOf(options);
	}

	/** Whether a JVM of this version has {@code -XX:TrimNativeHeapInterval} (JDK-8293114: 22, 21.0.1, 17.0.9). */
	static boolean trimsNativeHeap(Runtime.Version version) {
		return switch (version.feature()) {
			case 17 -> version.update() >= 9;
			case 18, 19, 20 -> false;
			case 21 -> version.update() >= 1;
			default -> version.feature() > 21;
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
		return current(runnerJar, Jvm.DEFAULT, Heaps.SIZED, List.of());
	}

	static JavaCommand current(Path runnerJar, Jvm jvm, Heaps heaps, List<String> appended) {
		String java = ProcessHandle.current().info().command().orElse(
				Path.of(System.getProperty("java.home"), "bin", "java").toString());
		return new JavaCommand(java, runnerJar, jvm, heaps, appended);
	}

	List<String> service(Service service, Path jar, List<String> extraOptions) {
		List<String> command = new ArrayList<>();
		command.add(this.java);
		command.addAll(serviceOptions(service, this.jvm, this.heaps, Runtime.version()));
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
