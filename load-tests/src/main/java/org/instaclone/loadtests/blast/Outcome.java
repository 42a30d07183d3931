package org.instaclone.loadtests.blast;

/**
 * One request of the workload, as requests.csv keeps it.
 *
 * @param action {@link Action#name()}
 * @param scheduledMs when it was due, in ms after the measured window started (open model: it was sent then)
 * @param latencyMs from when it was due to its answer (or failure)
 * @param status the HTTP status, or one of {@link #TIMEOUT}, {@link #REFUSED}, {@link #BROKEN}, {@link #DROPPED}
 * @param degraded the answer carried {@code Instaclone-Degraded} (the gateway's empty ad placements)
 */
record Outcome(String action, long scheduledMs, long latencyMs, int status, boolean degraded) {

	/** No answer within the user's patience ({@link BlastLoad#PATIENCE}). */
	static final int TIMEOUT = -1;

	/** Connection refused: nothing listening (a process down). */
	static final int REFUSED = -2;

	/** The connection broke, or another I/O failure. */
	static final int BROKEN = -3;

	/** Not sent: too many requests already waiting (the generator's own limit). */
	static final int DROPPED = -4;

	static final String HEADER = "action,scheduled_ms,latency_ms,status,degraded";

	boolean ok() {
		return this.status >= 200 && this.status < 300;
	}

	/** When the user had the answer (or gave up), ms after the window started. */
	long answeredMs() {
		return this.scheduledMs + this.latencyMs;
	}

	String csv() {
		return this.action + "," + this.scheduledMs + "," + this.latencyMs + "," + this.status + "," + this.degraded;
	}

	static Outcome parse(String line) {
		String[] f = line.split(",");
		return new Outcome(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]),
				Boolean.parseBoolean(f[4]));
	}

	/** How the report names a status: {@code 503}, {@code timeout}, {@code refused}, ... */
	static String label(int status) {
		return switch (status) {
			case TIMEOUT -> "timeout";
			case REFUSED -> "refused";
			case BROKEN -> "broken";
			case DROPPED -> "dropped";
			default -> Integer.toString(status);
		};
	}
}
