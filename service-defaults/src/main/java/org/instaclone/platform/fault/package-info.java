/**
 * The fault-injection switch for demos and fault tests: added latency and 503 answers for a
 * fraction of requests, requests that hang (thread exhaustion) or leak heap (memory exhaustion), off unless {@code instaclone.fault-injection.enabled=true}, tuned at runtime
 * through {@code /actuator/faults} from the service's own host only. See docs/resilience.md.
 */
@NullMarked
package org.instaclone.platform.fault;

import org.jspecify.annotations.NullMarked;
