package org.instaclone.integrations.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.hc.core5.http.ContentType;

import org.instaclone.integrations.egress.WebhookSender;
import org.instaclone.integrations.endpoint.Endpoints;
import org.springframework.stereotype.Component;

/**
 * One attempt at one delivery: signs the CloudEvent with every secret the endpoint currently signs with,
 * POSTs it (outside any transaction: no database connection is held while the endpoint thinks), and
 * records the outcome.
 */
@Component
class DeliveryWorker {

	static final ContentType CLOUDEVENTS_JSON = ContentType.create("application/cloudevents+json",
			StandardCharsets.UTF_8);

	private final DeliveryRepository deliveries;

	private final Deliveries record;

	private final Endpoints endpoints;

	private final WebhookSender sender;

	private final Clock clock;

	DeliveryWorker(DeliveryRepository deliveries, Deliveries record, Endpoints endpoints, WebhookSender sender,
			Clock clock) {
		this.deliveries = deliveries;
		this.record = record;
		this.endpoints = endpoints;
		this.sender = sender;
		this.clock = clock;
	}

	void attempt(UUID deliveryId) {
		Delivery delivery = deliveries.findById(deliveryId).orElse(null);
		if (delivery == null || delivery.status() != Delivery.Status.PENDING) {
			return;
		}
		Endpoints.Target target = endpoints.target(delivery.endpointId()).orElse(null);
		if (target == null) {
			return; // deleted meanwhile; its deliveries go with it
		}
		Instant now = clock.instant();
		if (target.disabledReason() != null) {
			record.recordSkipped(deliveryId, now, "Not sent: the endpoint is disabled. " + target.disabledReason());
			return;
		}
		byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
		String msgId = delivery.id().toString();
		long timestamp = now.getEpochSecond();
		Map<String, String> headers = Map.of("webhook-id", msgId, "webhook-timestamp", Long.toString(timestamp),
				"webhook-signature", WebhookSignatures.sign(msgId, timestamp, body, target.secrets()));
		WebhookSender.Response response = sender.post(target.url(), headers, body, CLOUDEVENTS_JSON);
		record.recordAttempt(deliveryId, now, response);
	}
}
