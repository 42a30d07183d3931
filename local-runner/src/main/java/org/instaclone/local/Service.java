package org.instaclone.local;

import org.jspecify.annotations.Nullable;

/**
 * One deployable started from {@code <module>/target/<module>.jar}.
 *
 * @param module the Maven module (and jar) name
 * @param port the local HTTP port (docs/conventions.md)
 * @param database its own PostgreSQL database and login, or {@code null} for a stateless one
 * @param heapMegabytes the maximum heap ({@code -Xmx})
 */
record Service(String module, int port, @Nullable String database, int heapMegabytes) {
}
