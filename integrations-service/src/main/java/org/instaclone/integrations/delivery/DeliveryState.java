package org.instaclone.integrations.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where a delivery stands, as the recorder reads and writes it ({@link AttemptLog}): without its payload,
 * which an attempt never changes. Applying an attempt's verdict gives the next state. {@code attempts}
 * counts since creation or the last replay: where the retry schedule stands.
 */
record DeliveryState(UUID id, UUID endpointId, UUID appId, String eventType, Delivery.Status status, int attempts,
		@Nullable Instant nextAttemptAt, @Nullable Instant lastAttemptAt, @Nullable Instant finishedAt) {

	boolean pending() {
		return status == Delivery.Status.PENDING;
	}

	/** After an attempt made at {@code at}: delivered, retried at a time, or failed for good. */
	DeliveryState attempted(Instant at, Verdict verdict) {
		Instant last = at.truncatedTo(ChronoUnit.MICROS);
		if (verdict instanceof Verdict.Retry retry) {
			return new DeliveryState(id, endpointId, appId, eventType, status, attempts + 1,
					retry.at().truncatedTo(ChronoUnit.MICROS), last, finishedAt);
		}
		return new DeliveryState(id, endpointId, appId, eventType,
				verdict instanceof Verdict.Delivered ? Delivery.Status.DELIVERED : Delivery.Status.FAILED, attempts + 1,
				null, last, at.truncatedTo(ChronoUnit.MICROS));
	}

	/** Failed without more attempts, if still pending: its endpoint was disabled. */
	DeliveryState givenUp(Instant at) {
		return pending() ? new DeliveryState(id, endpointId, appId, eventType, Delivery.Status.FAILED, attempts, null,
				lastAttemptAt, at.truncatedTo(ChronoUnit.MICROS)) : this;
	}
}
