package org.instaclone.integrations.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Cursor;
import org.springframework.data.domain.Persistable;

/**
 * One event owed to one endpoint. {@code PENDING} until an attempt succeeds ({@code DELIVERED}) or the
 * retry schedule runs out, the endpoint answers 410 or is disabled ({@code FAILED}). Its id is the
 * {@code webhook-id} of every attempt, replays included, so receivers can drop duplicates. The
 * payload is the CloudEvent exactly as received.
 */
@Entity
@Table(name = "delivery")
class Delivery implements Persistable<UUID> {

	/** Assigned ids: tells Spring Data to insert without looking the row up first. */
	@Transient
	private boolean fresh;

	enum Status {
		PENDING, DELIVERED, FAILED
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

	/** Attempts since creation or the last replay: where the retry schedule stands. */
	private int attempts;

	private @Nullable Instant nextAttemptAt;

	private @Nullable Instant lastAttemptAt;

	private @Nullable Instant finishedAt;

	private Instant createdAt;

	protected Delivery() {
		// for JPA
	}

	@Override
	public UUID getId() {
		return id;
	}

	@Override
	public boolean isNew() {
		return fresh;
	}

	@PostLoad
	@PostPersist
	void stored() {
		fresh = false;
	}

	static Delivery pending(UUID endpointId, UUID appId, String eventId, String eventType, String payload,
			Instant now) {
		Delivery delivery = new Delivery();
		delivery.id = UUID.randomUUID();
		delivery.fresh = true;
		delivery.endpointId = endpointId;
		delivery.appId = appId;
		delivery.eventId = eventId;
		delivery.eventType = eventType;
		delivery.payload = payload;
		delivery.status = Status.PENDING;
		delivery.createdAt = now.truncatedTo(ChronoUnit.MICROS);
		delivery.nextAttemptAt = delivery.createdAt;
		return delivery;
	}

	UUID id() {
		return id;
	}

	UUID endpointId() {
		return endpointId;
	}

	UUID appId() {
		return appId;
	}

	String eventType() {
		return eventType;
	}

	String payload() {
		return payload;
	}

	int attempts() {
		return attempts;
	}

	Status status() {
		return status;
	}

	/** Sends it again from the start of the retry schedule, with the same {@code webhook-id}. */
	void replay(Instant now) {
		status = Status.PENDING;
		attempts = 0;
		nextAttemptAt = now.truncatedTo(ChronoUnit.MICROS);
		finishedAt = null;
	}

	Cursor cursor() {
		return new Cursor(createdAt, id);
	}

	DeliveryView view() {
		return new DeliveryView(id, endpointId, eventId, eventType, status.name().toLowerCase(Locale.ROOT), attempts,
				nextAttemptAt, lastAttemptAt, finishedAt, createdAt);
	}
}
