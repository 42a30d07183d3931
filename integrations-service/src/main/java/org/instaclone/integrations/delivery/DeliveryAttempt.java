package org.instaclone.integrations.delivery;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import org.instaclone.integrations.egress.WebhookSender;
import org.instaclone.platform.paging.Cursor;

/**
 * One try at a delivery, kept for the owner: the status code or the network error, the latency, and
 * the first {@value WebhookSender#EXCERPT_CHARS} characters of the response as plain text (only ever
 * served as a JSON string, never rendered).
 */
@Entity
@Table(name = "delivery_attempt")
class DeliveryAttempt {

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
