package org.instaclone.local;

import java.util.List;
import java.util.Optional;

import org.instaclone.local.Service.Heap;

/** The catalogue of what the local system runs, with the ports from docs/conventions.md. */
final class Services {

	static final int POSTGRES_PORT = 15432;

	static final int KAFKA_PORT = 19092;

	static final int KAFKA_CONTROLLER_PORT = 19093;

	static final List<Service> ALL = List.of(
			new Service("gateway", 8080, null, 160, Heap.COMPACT),
			new Service("follow-service", 8081, "follow", 128, Heap.ELASTIC),
			new Service("upload-service", 8082, "upload", 320, Heap.COMPACT),
			new Service("ads-service", 8083, "ads", 160, Heap.COMPACT),
			new Service("integrations-service", 8084, "integrations", 160, Heap.COMPACT),
			new Service("metrics-service", 8085, "metrics", 160, Heap.COMPACT));

	private Services() {
	}

	static Optional<Service> named(String module) {
		return ALL.stream().filter((service) -> service.module().equals(module)).findFirst();
	}

	static List<String> names() {
		return ALL.stream().map(Service::module).toList();
	}

	static List<String> databases() {
		return ALL.stream().map(Service::database).filter((database) -> database != null).map(String::valueOf).toList();
	}
}
