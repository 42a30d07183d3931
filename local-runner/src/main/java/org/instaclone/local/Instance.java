package org.instaclone.local;

/**
 * One running copy of a service: the first on the service's own port, replica {@code n} on that port
 * plus {@code 100 * (n - 1)}, named {@code <module>-<n>} (its log is {@code logs/<module>-<n>.log}).
 *
 * @param service what runs
 * @param number 1 for the first instance, 2 and 3 for replicas
 */
record Instance(Service service, int number) {

	String name() {
		return (this.number == 1) ? this.service.module() : this.service.module() + "-" + this.number;
	}

	int port() {
		return this.service.port() + 100 * (this.number - 1);
	}

	String baseUrl() {
		return "http://localhost:" + port();
	}

	String readinessUrl() {
		return baseUrl() + "/actuator/health/readiness";
	}
}
