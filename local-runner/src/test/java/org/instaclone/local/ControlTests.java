package org.instaclone.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ControlTests {

	@TempDir
	Path data;

	private final ByteArrayOutputStream runnerOutput = new ByteArrayOutputStream();

	@Test
	void aCommandReachesTheRunnerAndItsAnswerComesBack() {
		List<List<String>> received = new CopyOnWriteArrayList<>();
		try (Control control = Control.listen(this.data, print(this.runnerOutput), (command, answer) -> {
			received.add(command);
			answer.println("  stopped: upload-service after 1.0 s");
			answer.println(command.get(0).equals("restart") ? Control.OK : Control.FAILED + ": unknown command");
		})) {
			assertThat(control).isNotNull();
			ByteArrayOutputStream client = new ByteArrayOutputStream();

			int ok = Control.send(this.data, List.of("restart", "upload-service"), print(client));
			int failed = Control.send(this.data, List.of("reboot"), print(new ByteArrayOutputStream()));

			assertThat(ok).isZero();
			assertThat(failed).isEqualTo(1);
			assertThat(received).containsExactly(List.of("restart", "upload-service"), List.of("reboot"));
			assertThat(client.toString(StandardCharsets.UTF_8)).isEqualTo("  stopped: upload-service after 1.0 s\nOK\n");
		}
		assertThat(Control.socketIn(this.data)).as("the socket goes with the runner").doesNotExist();
	}

	@Test
	void withoutARunningRunnerTheClientSaysSo() {
		ByteArrayOutputStream client = new ByteArrayOutputStream();

		assertThat(Control.send(this.data, List.of("status"), print(client))).isEqualTo(2);
		assertThat(client.toString(StandardCharsets.UTF_8)).contains("No local runner is running with the data folder");
	}

	@Test
	void aSocketLeftByACrashedRunnerIsReplaced() throws Exception {
		Files.writeString(Control.socketIn(this.data), "stale");
		try (Control control = Control.listen(this.data, print(this.runnerOutput),
				(command, answer) -> answer.println(Control.OK))) {
			assertThat(control).isNotNull();
			assertThat(Control.send(this.data, List.of("status"), print(new ByteArrayOutputStream()))).isZero();
		}
	}

	private static PrintStream print(ByteArrayOutputStream bytes) {
		return new PrintStream(bytes, true, StandardCharsets.UTF_8);
	}
}
