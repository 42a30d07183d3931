package org.instaclone.integrations.delivery;

import java.time.Instant;
import java.util.UUID;

/** A delivery as the app's owner sees it (without the payload). */
record DeliveryView(UUID id, UUID endpointId, String eventId, String eventType, String status, Instant createdAt) {
}
