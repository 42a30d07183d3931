package org.instaclone.platform.fault;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The fault-injection switch and the faults it starts with; {@code /actuator/faults} changes the
 * faults at runtime.
 *
 * @param enabled nothing of this exists (no filter, no endpoint) unless {@code true}; never set in
 * production (deploy-checks refuses it in the prod overlay)
 * @param pathPrefix only requests whose path starts with it are affected (the API, not health or
 * metrics, so the service stays observable and its probes keep answering)
 * @param latency added before the request is handled
 * @param latencyFraction the share of requests (0..1) that get the latency
 * @param errorFraction the share of requests (0..1) answered with {@code errorStatus} instead
 * @param errorStatus the status of an injected error (a problem of type {@code injected-fault})
 * @param hang thread exhaustion: every affected request holds its thread this long, like a call to a
 * hung dependency, and is then answered with {@code errorStatus} (the call timed out); zero: off
 * @param memoryLeak memory exhaustion: every affected request leaves this much heap behind, held by
 * the service until the faults are cleared, like a cache that never evicts; the heap runs out after
 * enough requests (what the JVM does then is its {@code -XX:+ExitOnOutOfMemoryError} flag's business);
 * zero: off
 */
@ConfigurationProperties("instaclone.fault-injection")
public record FaultInjectionProperties(@DefaultValue("false") boolean enabled, @DefaultValue("/api/") String pathPrefix,
		@DefaultValue("0ms") Duration latency, @DefaultValue("1.0") double latencyFraction,
		@DefaultValue("0.0") double errorFraction, @DefaultValue("503") int errorStatus,
		@DefaultValue("0ms") Duration hang, @DefaultValue("0B") DataSize memoryLeak) {
}
