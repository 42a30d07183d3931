package org.instaclone.local;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One deployable started from {@code <module>/target/<module>.jar}.
 *
 * @param module the Maven module (and jar) name
 * @param port the local HTTP port (docs/conventions.md)
 * @param database its own PostgreSQL database and login, or {@code null} for a stateless one
 * @param heapMegabytes the maximum heap ({@code -Xmx}); the heap starts at 32 MB and grows to it
 * @param heap how the heap between those two is sized
 */
record Service(String module, int port, @Nullable String database, int heapMegabytes, Heap heap) {

	/**
	 * How a service's heap grows and shrinks below its maximum (measured in docs/performance.md,
	 * "Memory per service").
	 */
	enum Heap {

		/**
		 * A 24 MB young generation, the old generation grown and given back (at once, not in steps) by
		 * the JVM's 40-70 % free rule: the touched heap, and so the resident memory, follows the live
		 * data (40-55 MB per service after start) instead of the maximum. A tighter rule (15-40 % free)
		 * saved a little more memory but cost full collections under load: at 20 sessions/s 258 failed
		 * warm-up requests instead of 2 and 16 % more CPU (docs/performance.md, "Memory per service").
		 */
		COMPACT(List.of("-Xmn24m", "-XX:-ShrinkHeapInSteps")),

		/**
		 * The JVM's own sizing (young generation a third of the heap, 40-70 % free): for follow-service,
		 * whose Argon2 sign-ins allocate 19 MiB each that outlive a young collection; kept compact, a
		 * burst of sign-ins runs into back-to-back full collections (200 sign-ins two at a time: 20.9 -> 26.8 s).
		 */
		ELASTIC(List.of());

		private final List<String> options;

		Heap(List<String> options) {
			this.options = options;
		}

		List<String> options() {
			return this.options;
		}

	}
}
