package org.instaclone.integrations.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

import org.instaclone.integrations.egress.WebhookSender;
import org.instaclone.platform.paging.Cursor;
import org.springframework.data.domain.Persistable;

/**
 * One try at a delivery, kept for the owner: the status code or the network error, the latency, and
 * the first {@value WebhookSender#EXCERPT_CHARS} characters of the response as plain text (only ever
 * served as a JSON string, never rendered).
 */
@Entity
@Table(name = "delivery_attempt")
class DeliveryAttempt implements Persistable<UUID> {

	/** Assigned ids: tells Spring Data to insert without looking the row up first. */
	@Transient
	private boolean fresh;

	enum Outcome {
		DELIVERED, FAILED, REFUSED
	}

	@Id
	private UUID id;

	private UUID deliveryId;

	private Instant attemptedAt;

	private @Nullable Integer statusCode;

	private int latencyMs;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	private @Nullable String error;

	private @Nullable String responseExcerpt;

	protected DeliveryAttempt() {
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

	static DeliveryAttempt of(UUID deliveryId, Instant at, WebhookSender.Response response) {
		DeliveryAttempt attempt = new DeliveryAttempt();
		attempt.id = UUID.randomUUID();
		attempt.fresh = true;
		attempt.deliveryId = deliveryId;
		attempt.attemptedAt = at.truncatedTo(ChronoUnit.MICROS);
		attempt.statusCode = response.status();
		attempt.latencyMs = (int) Math.min(Integer.MAX_VALUE, response.latency().toMillis());
		attempt.outcome = response.successful() ? Outcome.DELIVERED
				: response.refused() ? Outcome.REFUSED : Outcome.FAILED;
		attempt.error = response.error();
		attempt.responseExcerpt = response.excerpt();
		return attempt;
	}

	/** An attempt not made because the endpoint is disabled. */
	static DeliveryAttempt skipped(UUID deliveryId, Instant at, String why) {
		return of(deliveryId, at, new WebhookSender.Response(null, java.time.Duration.ZERO, null, null, why, true));
	}

	Cursor cursor() {
		return new Cursor(attemptedAt, id);
	}

	AttemptView view() {
		return new AttemptView(id, attemptedAt, statusCode, latencyMs, outcome.name().toLowerCase(java.util.Locale.ROOT),
				error, responseExcerpt);
	}

	/**
	 * An attempt as the owner sees it. {@code outcome}: {@code delivered}, {@code failed} (the endpoint
	 * answered non-2xx or the network failed) or {@code refused} (not sent: the address is not allowed or
	 * the endpoint is disabled). {@code responseExcerpt} is text, never HTML to render.
	 */
	record AttemptView(UUID id, Instant attemptedAt, @Nullable Integer statusCode, int latencyMs, String outcome,
			@Nullable String error, @Nullable String responseExcerpt) {
	}
}
