package org.instaclone.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class OptionsTests {

	private static final Path CWD = Path.of("/work/repo");

	@Test
	void defaultsToEverythingWithDataInTheWorkingDirectory() {
		Options options = Options.parse(List.of(), CWD);

		assertThat(options.home()).isEqualTo(CWD);
		assertThat(options.dataDir()).isEqualTo(CWD.resolve(".instaclone"));
		assertThat(options.only()).isEmpty();
		assertThat(options.help()).isFalse();
		assertThat(Services.ALL).allMatch(options::runs);
	}

	@Test
	void resolvesHomeAndDataDirectory() {
		Options options = Options.parse(List.of("--home=../other", "--data-dir=tmp/data"), CWD);

		assertThat(options.home()).isEqualTo(Path.of("/work/other"));
		assertThat(options.dataDir()).isEqualTo(Path.of("/work/other/tmp/data"));
	}

	@Test
	void keepsAnAbsoluteDataDirectory() {
		Options options = Options.parse(List.of("--data-dir=/var/tmp/ic"), CWD);

		assertThat(options.dataDir()).isEqualTo(Path.of("/var/tmp/ic"));
	}

	@Test
	void onlyStartsTheNamedServices() {
		Options options = Options.parse(List.of("--only=follow-service, gateway"), CWD);

		assertThat(options.only()).isEqualTo(Set.of("follow-service", "gateway"));
		assertThat(Services.ALL.stream().filter(options::runs).map(Service::module))
			.containsExactly("gateway", "follow-service");
	}

	@Test
	void rejectsUnknownServicesNamingTheKnownOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(List.of("--only=follow,gateway"), CWD))
			.withMessageContaining("Unknown service(s) in --only: follow")
			.withMessageContaining("follow-service");
	}

	@Test
	void rejectsAnEmptyOnlyList() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(List.of("--only=,"), CWD))
			.withMessageContaining("at least one");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(List.of("--only="), CWD))
			.withMessageContaining("Missing value");
	}

	@Test
	void rejectsUnknownArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(List.of("--port=1"), CWD))
			.withMessage("Unknown argument: --port=1");
	}

	@Test
	void recognisesHelp() {
		assertThat(Options.parse(List.of("--help"), CWD).help()).isTrue();
		assertThat(Options.parse(List.of("-h"), CWD).help()).isTrue();
	}

	@Test
	void runsReplicasOnThePortPlusAHundredEach() {
		Options options = Options.parse(List.of("--replicas=upload-service=2, ads-service=3"), CWD);

		assertThat(options.instances()).extracting(Instance::name, Instance::port)
			.containsExactly(tuple("gateway", 8080), tuple("follow-service", 8081), tuple("upload-service", 8082),
					tuple("upload-service-2", 8182), tuple("ads-service", 8083), tuple("ads-service-2", 8183),
					tuple("ads-service-3", 8283), tuple("integrations-service", 8084), tuple("metrics-service", 8085));
		assertThat(Ports.needed(options)).containsEntry(8182, "upload-service-2").containsEntry(8283, "ads-service-3");
	}

	@Test
	void rejectsReplicasOfTheGatewayOrOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(List.of("--replicas=gateway=2"), CWD))
			.withMessageContaining("the gateway runs once");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(List.of("--replicas=upload-service=4"), CWD))
			.withMessageContaining("1..3");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(List.of("--replicas=upload-service=x"), CWD))
			.withMessageContaining("got 'x'");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(List.of("--replicas=upload=2"), CWD))
			.withMessageContaining("known services");
	}

	@Test
	void wordsAfterTheOptionsAreACommandForARunningRunner() {
		Options options = Options.parse(List.of("--data-dir=/tmp/x", "restart", "upload-service"), CWD);

		assertThat(options.command()).containsExactly("restart", "upload-service");
		assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
		assertThat(Options.parse(List.of(), CWD).command()).isEmpty();
	}

	@Test
	void theServiceJvmFlagsAreTheDefaultUnlessBenchmarkIsAsked() {
		assertThat(Options.parse(List.of(), CWD).jvm()).isEqualTo(JavaCommand.Jvm.DEFAULT);
		assertThat(Options.parse(List.of("--jvm=benchmark"), CWD).jvm()).isEqualTo(JavaCommand.Jvm.BENCHMARK);
		assertThat(Options.parse(List.of("--jvm=default"), CWD).jvm()).isEqualTo(JavaCommand.Jvm.DEFAULT);
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(List.of("--jvm=fast"), CWD))
			.withMessageContaining("default or benchmark");
	}

	@Test
	void heapsAreSizedPerServiceUnlessAnotherSizingIsAsked() {
		assertThat(Options.parse(List.of(), CWD).heaps()).isEqualTo(JavaCommand.Heaps.SIZED);
		assertThat(Options.parse(List.of("--heap=fixed"), CWD).heaps()).isEqualTo(JavaCommand.Heaps.FIXED);
		assertThat(Options.parse(List.of("--heap=Elastic"), CWD).heaps()).isEqualTo(JavaCommand.Heaps.ELASTIC);
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(List.of("--heap=big"), CWD))
			.withMessageContaining("sized, fixed or elastic");
	}
}
