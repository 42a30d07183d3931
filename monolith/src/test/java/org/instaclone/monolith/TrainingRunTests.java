package org.instaclone.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's AOT training run (the root Dockerfile, {@code --build-arg MODULE=monolith}) with the
 * monolith: the Dockerfile's own {@code -Dspring...} switches and environment, no database and no
 * broker. Spring reads {@code spring.context.exit=onRefresh} once per JVM and would stop the monolith
 * after its root context; {@link Monolith#main} takes it over, so every module context must come up
 * and the process must then exit by itself with status 0, or the image's cache misses the modules'
 * classes.
 */
class TrainingRunTests {

	/** One {@code -Dspring.x=y} switch per line of the Dockerfile's training command. */
	static final Pattern SWITCH = Pattern.compile("(?m)^\\s+(-Dspring\\.[\\w.-]+=\\S+)\\s*\\\\?$");

	@Test
	void theDockerfilesTrainingRunStartsEveryModuleThenExits(@TempDir Path dir) throws Exception {
		List<String> switches = dockerfileSwitches();
		assertThat(switches).contains("-Dspring.context.exit=onRefresh", "-Dspring.flyway.enabled=false");
		Path data = dir.resolve("data");
		Path log = dir.resolve("training.log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
		command.addAll(switches);
		command.add(MonolithApplication.class.getName());
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		// the Dockerfile's environment for the run (an address nothing answers on), the data folder in a
		// temp dir as there, and any free port (the build container has 8080 to itself, a test run not)
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		builder.environment().putAll(Map.of("POSTGRES_URL", "jdbc:postgresql://127.0.0.1:1/training",
				"KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1", "INSTACLONE_MONOLITH_DATA", data.toString(),
				"INTEGRATIONS_SECRET_KEY", Base64.getEncoder().encodeToString(key), "SERVER_PORT", "0"));

		Process process = builder.start();
		boolean exited = process.waitFor(180, TimeUnit.SECONDS);
		if (!exited) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}

		String output = Files.readString(log, StandardCharsets.UTF_8);
		String tail = output.substring(Math.max(0, output.length() - 4000));
		assertThat(exited).as("exited within 180 s; the end of its log:\n" + tail).isTrue();
		assertThat(process.exitValue()).as("exit status; the end of its log:\n" + tail).isZero();
		for (Module module : Module.ALL) {
			assertThat(output).as(module.name() + " started").contains(module.name() + " up in ");
		}
		assertThat(output).contains("spring.context.exit=onRefresh: every module is up, exiting");
		try (var written = Files.list(dir)) {
			assertThat(written).as("written outside the data folder").map(p -> p.getFileName().toString())
				.containsExactlyInAnyOrder("data", "training.log");
		}
	}

	static List<String> dockerfileSwitches() throws IOException {
		Path dockerfile = Path.of("..", "Dockerfile");
		assertThat(dockerfile).as("the root Dockerfile, seen from the monolith module").exists();
		List<String> switches = new ArrayList<>();
		Matcher m = SWITCH.matcher(Files.readString(dockerfile, StandardCharsets.UTF_8));
		while (m.find()) {
			switches.add(m.group(1));
		}
		return switches;
	}
}
