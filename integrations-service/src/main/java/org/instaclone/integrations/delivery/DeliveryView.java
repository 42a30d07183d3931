package org.instaclone.integrations.delivery;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A delivery as the app's owner sees it (without the payload). {@code status}: {@code pending},
 * {@code delivered} or {@code failed}; {@code attempts} counts those since creation or the last replay.
 */
record DeliveryView(UUID id, UUID endpointId, String eventId, String eventType, String status, int attempts,
		@Nullable Instant nextAttemptAt, @Nullable Instant lastAttemptAt, @Nullable Instant finishedAt,
		Instant createdAt) {
}
