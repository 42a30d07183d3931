package org.instaclone.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command lines of the child JVMs, with the same {@code java} binary that runs the runner.
 */
record JavaCommand(String java, Path runnerJar) {

	/**
	 * The flags every service JVM gets. Measured on a 2-core machine (docs/local-run.md): serial GC and
	 * C1 only ({@code TieredStopAtLevel=1}) start a Boot service in about half the CPU time of the
	 * defaults and keep its footprint small; the caps bound what each JVM may reserve beyond the heap.
	 */
	static List<String> serviceOptions(Service service) {
		return List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms32m",
				"-Xmx" + service.heapMegabytes() + "m", "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m",
				"-XX:MaxDirectMemorySize=64m", "-XX:+ExitOnOutOfMemoryError");
	}

	static JavaCommand current(Path runnerJar) {
		String java = ProcessHandle.current().info().command().orElse(
				Path.of(System.getProperty("java.home"), "bin", "java").toString());
		return new JavaCommand(java, runnerJar);
	}

	List<String> service(Service service, Path jar, List<String> extraOptions) {
		List<String> command = new ArrayList<>();
		command.add(this.java);
		command.addAll(serviceOptions(service));
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
