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
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Cursor;

/**
 * One event owed to one endpoint. {@code PENDING} until an attempt succeeds ({@code DELIVERED}) or the
 * retry schedule runs out, the endpoint answers 410 or is disabled ({@code FAILED}). Its id is the
 * {@code webhook-id} of every attempt, replays included, so receivers can drop duplicates. The
 * payload is the CloudEvent exactly as received. Rows are written in plain SQL (the fan-out by
 * {@link DeliveryQueue#enqueue}, attempts by {@link AttemptLog}); the entity serves the owner's views
 * and replays.
 */
@Entity
@Table(name = "delivery")
class Delivery {

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

	UUID id() {
		return id;
	}

	UUID endpointId() {
		return endpointId;
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
