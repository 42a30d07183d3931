package org.instaclone.platform.fault;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** The faults being injected right now; replaced as a whole, read once per request. */
final class Faults {

	private volatile Settings current;

	Faults(Settings initial) {
		this.current = initial;
	}

	Settings current() {
		return this.current;
	}

	/** Changes the given settings and keeps the others; fractions are clamped to 0..1. */
	Settings change(@Nullable Long latencyMs, @Nullable Double latencyFraction, @Nullable Double errorFraction,
			@Nullable Integer errorStatus) {
		Settings before = this.current;
		Settings after = new Settings(latencyMs != null ? Duration.ofMillis(Math.max(0, latencyMs)) : before.latency(),
				latencyFraction != null ? clamp(latencyFraction) : before.latencyFraction(),
				errorFraction != null ? clamp(errorFraction) : before.errorFraction(),
				errorStatus != null ? checkStatus(errorStatus) : before.errorStatus());
		this.current = after;
		return after;
	}

	/** No latency, no errors (and the other settings back to their defaults). */
	Settings clear() {
		return change(0L, 1.0, 0.0, 503);
	}

	private static double clamp(double fraction) {
		return Math.min(1.0, Math.max(0.0, fraction));
	}

	private static int checkStatus(int status) {
		if (status < 500 || status > 599) {
			throw new IllegalArgumentException("errorStatus must be a 5xx status, not " + status);
		}
		return status;
	}

	/**
	 * @param latency added to the affected requests
	 * @param latencyFraction share of requests that get it
	 * @param errorFraction share of requests answered with an error
	 * @param errorStatus that error's status
	 */
	record Settings(Duration latency, double latencyFraction, double errorFraction, int errorStatus) {

		static Settings of(FaultInjectionProperties properties) {
			return new Settings(properties.latency(), clamp(properties.latencyFraction()),
					clamp(properties.errorFraction()), checkStatus(properties.errorStatus()));
		}

		boolean none() {
			return (this.latency.isZero() || this.latencyFraction == 0.0) && this.errorFraction == 0.0;
		}
	}
}
