package org.instaclone.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks, before anything starts, that every port the local system needs is free. */
final class Ports {

	private Ports() {
	}

	/** A port that is already in use, and what needed it. */
	record Conflict(int port, String neededBy) {

		String message() {
			return "Port " + this.port + " is already in use, but " + this.neededBy + " needs it.";
		}
	}

	/** Every port the runner will open for the given options, with what needs it, in start order. */
	static Map<Integer, String> needed(Options options) {
		Map<Integer, String> needs = new LinkedHashMap<>();
		needs.put(Services.POSTGRES_PORT, "PostgreSQL");
		needs.put(Services.KAFKA_PORT, "Kafka (broker)");
		needs.put(Services.KAFKA_CONTROLLER_PORT, "Kafka (controller)");
		for (Instance instance : options.instances()) {
			needs.put(instance.port(), instance.name());
		}
		return needs;
	}

	static List<Conflict> conflicts(Map<Integer, String> needs) {
		List<Conflict> conflicts = new ArrayList<>();
		needs.forEach((port, neededBy) -> {
			if (!isFree(port)) {
				conflicts.add(new Conflict(port, neededBy));
			}
		});
		return conflicts;
	}

	/**
	 * Whether nothing listens on the port: something accepting on localhost, or a socket bound to the
	 * wildcard address, both make it taken.
	 */
	static boolean isFree(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 300);
			return false;
		}
		catch (IOException notListening) {
			// nothing accepts on localhost; also try to bind, as the services will
		}
		try (ServerSocket server = new ServerSocket()) {
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException bound) {
			return false;
		}
	}
}
