package org.instaclone.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
}
