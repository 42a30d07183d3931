package org.instaclone.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTests {

	@Test
	void listsEveryPortWithWhatNeedsIt() {
		Map<Integer, String> needs = Ports.needed(Options.parse(List.of(), Path.of("/repo")));

		assertThat(needs).containsEntry(15432, "PostgreSQL")
			.containsEntry(19092, "Kafka (broker)")
			.containsEntry(19093, "Kafka (controller)")
			.containsEntry(8080, "gateway")
			.containsEntry(8081, "follow-service")
			.containsEntry(8085, "metrics-service")
			.hasSize(9);
	}

	@Test
	void needsOnlyThePortsOfTheSelectedServices() {
		Map<Integer, String> needs = Ports.needed(Options.parse(List.of("--only=gateway"), Path.of("/repo")));

		assertThat(needs.keySet()).containsExactly(15432, 19092, 19093, 8080);
	}

	@Test
	void reportsAPortSomethingListensOnLocally() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();

			assertThat(Ports.isFree(port)).isFalse();
			assertThat(Ports.conflicts(Map.of(port, "gateway"))).singleElement()
				.extracting(Ports.Conflict::message)
				.isEqualTo("Port " + port + " is already in use, but gateway needs it.");
		}
	}

	@Test
	void reportsAPortBoundOnAllInterfaces() throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress(0));

			assertThat(Ports.isFree(taken.getLocalPort())).isFalse();
		}
	}

	@Test
	void aClosedPortIsFree() throws IOException {
		int port;
		try (ServerSocket probe = new ServerSocket(0)) {
			port = probe.getLocalPort();
		}

		assertThat(Ports.isFree(port)).isTrue();
		assertThat(Ports.conflicts(Map.of(port, "gateway"))).isEmpty();
	}
}
