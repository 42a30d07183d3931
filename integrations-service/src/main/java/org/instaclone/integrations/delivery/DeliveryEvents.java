package org.instaclone.integrations.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.events.EventTopic;
import org.instaclone.platform.events.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened to each attempt, for other services (metrics-service counts and times them): one
 * {@value #DELIVERED} per successful attempt and one {@value #FAILED} per failed one, on topic
 * {@value #TOPIC} keyed by endpoint id. Appended to the outbox in the transaction that records the
 * attempt, so an event exists exactly when the attempt's new state does. The contract is in
 * {@code docs/events.md}; never the response body, never the payload.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryEvents {

	static final String TOPIC = "webhook-deliveries";

	static final String DELIVERED = "instaclone.webhook.delivered.v1";

	static final String FAILED = "instaclone.webhook.failed.v1";

	/** Longest {@code error} in a failed event: a status line or a network error, not a diagnosis. */
	static final int ERROR_CHARS = 200;

	private final Outbox outbox;

	DeliveryEvents(Outbox outbox) {
		this.outbox = outbox;
	}

	@Bean
	static EventTopic webhookDeliveriesTopic() {
		return EventTopic.of(TOPIC);
	}

	/** {@code data} of {@value #DELIVERED}; {@code attempt} counts from 1 (since creation or the last replay). */
	record Delivered(UUID deliveryId, UUID endpointId, UUID appId, UUID ownerId, String eventType, int attempt,
			@Nullable Integer statusCode, long latencyMs, Instant at) {
	}

	/**
	 * {@code data} of {@value #FAILED}. {@code outcome}: {@code failed} (non-2xx, network error, timeout)
	 * or {@code refused} (not sent: address not allowed, endpoint disabled). {@code final}: the delivery
	 * gives up (schedule exhausted, 410, endpoint disabled) or this failure disabled the endpoint.
	 */
	record Failed(UUID deliveryId, UUID endpointId, UUID appId, UUID ownerId, String eventType, int attempt,
			@Nullable Integer statusCode, long latencyMs, Instant at, String outcome, @Nullable String error,
			@JsonProperty("final") boolean isFinal) {
	}

	/** The event of a successful attempt, to {@link #append}. */
	Outbox.Event delivered(DeliveryState delivery, UUID ownerId, Instant at, @Nullable Integer statusCode, long latencyMs) {
		return new Outbox.Event(TOPIC, delivery.endpointId().toString(), DELIVERED, delivery.id().toString(),
				new Delivered(delivery.id(), delivery.endpointId(), delivery.appId(), ownerId, delivery.eventType(),
						delivery.attempts(), statusCode, latencyMs, at.truncatedTo(ChronoUnit.MICROS)));
	}

	/** The event of a failed (or refused) attempt, to {@link #append}. */
	Outbox.Event failed(DeliveryState delivery, UUID ownerId, Instant at, @Nullable Integer statusCode, long latencyMs,
			boolean refused, @Nullable String error, boolean isFinal) {
		String shortError = error == null || error.length() <= ERROR_CHARS ? error : error.substring(0, ERROR_CHARS);
		return new Outbox.Event(TOPIC, delivery.endpointId().toString(), FAILED, delivery.id().toString(),
				new Failed(delivery.id(), delivery.endpointId(), delivery.appId(), ownerId, delivery.eventType(),
						delivery.attempts(), statusCode, latencyMs, at.truncatedTo(ChronoUnit.MICROS),
						refused ? "refused" : "failed", shortError, isFinal));
	}

	/**
	 * Appends the events of the attempts recorded in the caller's transaction, all in one statement (at
	 * 1,000 attempts a second, one round trip per attempt was the recorder's largest remaining cost).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void append(List<Outbox.Event> events) {
		outbox.appendAll(events);
	}
}
