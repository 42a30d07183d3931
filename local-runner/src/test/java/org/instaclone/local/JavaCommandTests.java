package org.instaclone.local;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JavaCommandTests {

	private static final Service UPLOAD = Services.named("upload-service").orElseThrow();

	private static final Path JAR = Path.of("/repo/upload-service/target/cds/app/upload-service.jar");

	@Test
	void theDefaultStopsAtC1WithAGrowingHeap() {
		List<String> command = new JavaCommand("/jdk/bin/java", Path.of("runner.jar")).service(UPLOAD, JAR, List.of());

		assertThat(command).startsWith("/jdk/bin/java")
			.contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms32m", "-Xmx320m")
			.endsWith("-jar", JAR.toString());
	}

	@Test
	void theBenchmarkProfileCompilesWithC2OnTheSameHeap() {
		List<String> command = new JavaCommand("/jdk/bin/java", Path.of("runner.jar"), JavaCommand.Jvm.BENCHMARK, List.of())
			.service(UPLOAD, JAR, List.of("-XX:SharedArchiveFile=app.jsa"));

		assertThat(command).contains("-XX:+UseSerialGC", "-Xms32m", "-Xmx320m", "-XX:SharedArchiveFile=app.jsa")
			.noneMatch((flag) -> flag.startsWith("-XX:TieredStopAtLevel"))
			.endsWith("-jar", JAR.toString());
	}

	@Test
	void aCompactHeapHasASmallYoungGenerationAndFollowsTheLiveData() {
		for (JavaCommand.Jvm jvm : JavaCommand.Jvm.values()) {
			assertThat(JavaCommand.serviceOptions(UPLOAD, jvm)).contains("-Xmn24m", "-XX:-ShrinkHeapInSteps")
				.doesNotContain("-XX:MinHeapFreeRatio=15", "-XX:MaxHeapFreeRatio=40");
		}
	}

	@Test
	void followServiceKeepsTheJvmsOwnHeapSizingForItsArgon2Bursts() {
		Service follow = Services.named("follow-service").orElseThrow();

		assertThat(JavaCommand.serviceOptions(follow, JavaCommand.Jvm.BENCHMARK)).contains("-Xms32m", "-Xmx128m")
			.noneMatch((flag) -> flag.startsWith("-Xmn") || flag.contains("HeapFreeRatio"));
	}

	@Test
	void aFixedHeapStartsAtItsMaximumWithTheJvmsOwnGenerations() {
		List<String> command = new JavaCommand("/jdk/bin/java", Path.of("runner.jar"), JavaCommand.Jvm.BENCHMARK,
				JavaCommand.Heaps.FIXED, List.of())
			.service(UPLOAD, JAR, List.of());

		assertThat(command).contains("-Xms320m", "-Xmx320m")
			.noneMatch((flag) -> flag.equals("-Xms32m") || flag.startsWith("-Xmn") || flag.contains("ShrinkHeapInSteps"));
	}

	@Test
	void elasticHeapsDropTheCompactShapeButStillStartSmall() {
		List<String> options = JavaCommand.serviceOptions(UPLOAD, JavaCommand.Jvm.BENCHMARK, JavaCommand.Heaps.ELASTIC,
				Runtime.version());

		assertThat(options).contains("-Xms32m", "-Xmx320m")
			.noneMatch((flag) -> flag.startsWith("-Xmn") || flag.contains("ShrinkHeapInSteps"));
	}

	@Test
	void theNativeHeapIsTrimmedOnJvmsThatCanDoIt() {
		assertThat(JavaCommand.serviceOptions(UPLOAD, JavaCommand.Jvm.DEFAULT, Runtime.Version.parse("17.0.15")))
			.containsSubsequence("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=10000");
		assertThat(JavaCommand.serviceOptions(UPLOAD, JavaCommand.Jvm.BENCHMARK, Runtime.Version.parse("25.0.3")))
			.contains("-XX:TrimNativeHeapInterval=10000");
		assertThat(JavaCommand.serviceOptions(UPLOAD, JavaCommand.Jvm.BENCHMARK, Runtime.Version.parse("17.0.8")))
			.noneMatch((flag) -> flag.contains("TrimNativeHeap"));
		assertThat(JavaCommand.trimsNativeHeap(Runtime.Version.parse("21.0.1"))).isTrue();
		assertThat(JavaCommand.trimsNativeHeap(Runtime.Version.parse("20.0.2"))).isFalse();
	}

	@Test
	void appendedOptionsComeAfterTheProfileSoTheyWin() {
		List<String> appended = JavaCommand.appendedOptions("  -XX:+UseParallelGC   -Xmx256m ");
		List<String> command = new JavaCommand("/jdk/bin/java", Path.of("runner.jar"), JavaCommand.Jvm.BENCHMARK, appended)
			.service(UPLOAD, JAR, List.of());

		assertThat(appended).containsExactly("-XX:+UseParallelGC", "-Xmx256m");
		assertThat(command.indexOf("-Xmx256m")).isGreaterThan(command.indexOf("-Xmx320m"));
		assertThat(JavaCommand.appendedOptions(null)).isEmpty();
		assertThat(JavaCommand.appendedOptions(" ")).isEmpty();
	}

	@Test
	void childJvmsRunOnTheRunnersOwnJava() throws Exception {
		String java = JavaCommand.current(Path.of("runner.jar")).java();

		assertThat(Path.of(java).toRealPath())
			.isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toRealPath());
	}
}
