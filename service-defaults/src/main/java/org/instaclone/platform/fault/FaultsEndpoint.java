package org.instaclone.platform.fault;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/faults}: {@code GET} shows the faults being injected, {@code POST} with any of
 * {@code latencyMs}, {@code latencyFraction}, {@code errorFraction}, {@code errorStatus},
 * {@code hangMs}, {@code memoryLeakKb} changes them, {@code DELETE} stops injecting and lets the
 * leaked memory go. Exists only while fault injection is enabled, and answers
 * only requests from the service's own host (loopback); the gateway routes no {@code /actuator}
 * path to a service.
 */
@Endpoint(id = "faults")
final class FaultsEndpoint {

	private final Faults faults;

	FaultsEndpoint(Faults faults) {
		this.faults = faults;
	}

	@ReadOperation
	public Faults.Settings faults() {
		return this.faults.current();
	}

	@WriteOperation
	public Faults.Settings change(@Nullable Long latencyMs, @Nullable Double latencyFraction, @Nullable Double errorFraction,
			@Nullable Integer errorStatus, @Nullable Long hangMs, @Nullable Long memoryLeakKb) {
		try {
			return this.faults
				.change(new Faults.Change(latencyMs, latencyFraction, errorFraction, errorStatus, hangMs, memoryLeakKb));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEndpointRequestException(ex.getMessage(), ex.getMessage());
		}
	}

	@DeleteOperation
	public Faults.Settings clear() {
		return this.faults.clear();
	}
}
