package org.instaclone.loadtests.simulation;

import java.nio.file.Path;

/**
 * A simulation's settings, from system properties (so {@code -Dload.rate=50} on the command line
 * changes the arrival rate without a rebuild, e.g. to show autoscaling):
 * <ul>
 * <li>{@code load.base}: the gateway, default {@code http://localhost:8080}</li>
 * <li>{@code load.rate}: arrivals per second (sessions for the Instagram mix, requests for the
 * DeathStarBench mix), default 10</li>
 * <li>{@code load.warmup}: seconds at the same rate before the measured part, default 30 (its
 * requests are named {@code warm-up ...} in the report)</li>
 * <li>{@code load.duration}: measured seconds, default 60</li>
 * <li>{@code load.users}: the seeding's users file, default {@code target/seed/users.csv}</li>
 * <li>{@code load.sign-in-users}: how many seeded users sign in and act, default 200</li>
 * <li>{@code load.seed}: random seed for choosing them, default 42</li>
 * </ul>
 */
record LoadSettings(String base, double rate, int warmupSeconds, int durationSeconds, Path usersFile,
		int signInUsers, long seed) {

	LoadSettings {
		if (rate <= 0 || warmupSeconds < 0 || durationSeconds <= 0 || signInUsers <= 0) {
			throw new IllegalArgumentException("need load.rate > 0, load.warmup >= 0, load.duration > 0, load.sign-in-users > 0");
		}
	}

	static LoadSettings fromSystemProperties() {
		return new LoadSettings(System.getProperty("load.base", "http://localhost:8080"),
				Double.parseDouble(System.getProperty("load.rate", "10")), Integer.getInteger("load.warmup", 30),
				Integer.getInteger("load.duration", 60), Path.of(System.getProperty("load.users", "target/seed/users.csv")),
				Integer.getInteger("load.sign-in-users", 200), Long.getLong("load.seed", 42));
	}

	@Override
	public String toString() {
		return "base " + this.base + ", rate " + this.rate + "/s, warm-up " + this.warmupSeconds + " s, measured "
				+ this.durationSeconds + " s, " + this.signInUsers + " signed-in users from " + this.usersFile;
	}
}
