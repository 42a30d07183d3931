package org.instaclone.integrations.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.instaclone.platform.paging.Cursor;

/**
 * One event owed to one endpoint. Created {@code PENDING} by the fan-out; sending, signing, retries
 * and the final status are a later issue. The payload is the CloudEvent exactly as received.
 */
@Entity
@Table(name = "delivery")
class Delivery {

	enum Status {
		PENDING
	}

	@Id
	private UUID id;

	private UUID endpointId;

	private UUID appId;

	private String eventId;

	private String eventType;

	private String payload;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Instant createdAt;

	protected Delivery() {
		// for JPA
	}

	static Delivery pending(UUID endpointId, UUID appId, String eventId, String eventType, String payload,
			Instant now) {
		Delivery delivery = new Delivery();
		delivery.id = UUID.randomUUID();
		delivery.endpointId = endpointId;
		delivery.appId = appId;
		delivery.eventId = eventId;
		delivery.eventType = eventType;
		delivery.payload = payload;
		delivery.status = Status.PENDING;
		delivery.createdAt = now.truncatedTo(ChronoUnit.MICROS);
		return delivery;
	}

	Cursor cursor() {
		return new Cursor(createdAt, id);
	}

	DeliveryView view() {
		return new DeliveryView(id, endpointId, eventId, eventType, status.name().toLowerCase(Locale.ROOT), createdAt);
	}
}
