package org.instaclone.platform.fault;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The faults being injected right now (replaced as a whole, read once per request), and the memory
 * the memory-leak fault holds on to.
 */
final class Faults {

	private volatile Settings current;

	/** What the memory-leak fault has retained: reachable from this bean, so never collected until cleared. */
	private final Queue<byte[]> leaked = new ConcurrentLinkedQueue<>();

	private final AtomicLong leakedBytes = new AtomicLong();

	Faults(Settings initial) {
		this.current = initial;
	}

	Settings current() {
		return this.current;
	}

	/** Changes the given settings and keeps the others; fractions are clamped to 0..1, durations and sizes to 0+. */
	Settings change(Change change) {
		Settings before = this.current;
		Settings after = new Settings(
				change.latencyMs() != null ? Duration.ofMillis(Math.max(0, change.latencyMs())) : before.latency(),
				change.latencyFraction() != null ? clamp(change.latencyFraction()) : before.latencyFraction(),
				change.errorFraction() != null ? clamp(change.errorFraction()) : before.errorFraction(),
				change.errorStatus() != null ? checkStatus(change.errorStatus()) : before.errorStatus(),
				change.hangMs() != null ? Duration.ofMillis(Math.max(0, change.hangMs())) : before.hang(),
				change.memoryLeakKb() != null ? Math.max(0, change.memoryLeakKb()) * 1024 : before.memoryLeakBytes());
		this.current = after;
		return after;
	}

	/** No faults (the other settings back to their defaults), and the leaked memory let go. */
	Settings clear() {
		Settings cleared = change(new Change(0L, 1.0, 0.0, 503, 0L, 0L));
		this.leaked.clear();
		this.leakedBytes.set(0);
		return cleared;
	}

	/** Keeps {@code bytes} more of heap (zero-filled by the JVM, so the pages are really used). */
	void leak(long bytes) {
		this.leaked.add(new byte[Math.toIntExact(bytes)]);
		this.leakedBytes.addAndGet(bytes);
	}

	long leakedBytes() {
		return this.leakedBytes.get();
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

	/** What {@code POST /actuator/faults} may change; {@code null}: keep. */
	record Change(@Nullable Long latencyMs, @Nullable Double latencyFraction, @Nullable Double errorFraction,
			@Nullable Integer errorStatus, @Nullable Long hangMs, @Nullable Long memoryLeakKb) {
	}

	/**
	 * @param latency added to the affected requests
	 * @param latencyFraction share of requests that get it
	 * @param errorFraction share of requests answered with an error
	 * @param errorStatus that error's status
	 * @param hang how long every affected request holds its thread before it is failed with {@code errorStatus}
	 * @param memoryLeakBytes heap every affected request leaves behind
	 */
	record Settings(Duration latency, double latencyFraction, double errorFraction, int errorStatus, Duration hang,
			long memoryLeakBytes) {

		/** Larger single arrays than this are refused (a Java array holds at most 2 GiB anyway). */
		static final long MAX_LEAK_PER_REQUEST = 64L * 1024 * 1024;

		Settings {
			if (memoryLeakBytes > MAX_LEAK_PER_REQUEST) {
				throw new IllegalArgumentException("memoryLeak per request must be at most 64 MB, not " + memoryLeakBytes + " bytes");
			}
		}

		static Settings of(FaultInjectionProperties properties) {
			return new Settings(properties.latency(), clamp(properties.latencyFraction()),
					clamp(properties.errorFraction()), checkStatus(properties.errorStatus()), properties.hang(),
					Math.max(0, properties.memoryLeak().toBytes()));
		}

		boolean none() {
			return (this.latency.isZero() || this.latencyFraction == 0.0) && this.errorFraction == 0.0
					&& this.hang.isZero() && this.memoryLeakBytes == 0;
		}
	}
}
