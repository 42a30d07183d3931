package org.instaclone.integrations.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hc.core5.http.ContentType;
import org.jspecify.annotations.Nullable;

import org.instaclone.integrations.egress.WebhookSender;
import org.instaclone.integrations.endpoint.Endpoints;
import org.springframework.stereotype.Component;

/**
 * One attempt at one delivery: signs the CloudEvent with every secret the endpoint currently signs with,
 * POSTs it (outside any transaction: no database connection is held while the endpoint thinks), and
 * hands the outcome to the {@link AttemptRecorder}, which records it with others in one transaction.
 */
@Component
class DeliveryWorker {

	static final ContentType CLOUDEVENTS_JSON = ContentType.create("application/cloudevents+json",
			StandardCharsets.UTF_8);

	private final Map<UUID, Cached> targets = new ConcurrentHashMap<>();

	private final Deliveries record;

	private final AttemptRecorder recorder;

	private final Endpoints endpoints;

	private final WebhookSender sender;

	private final Clock clock;

	private final long targetCacheNanos;

	DeliveryWorker(Deliveries record, AttemptRecorder recorder, Endpoints endpoints, WebhookSender sender,
			Clock clock, DeliveryProperties properties) {
		this.recorder = recorder;
		this.targetCacheNanos = properties.targetCache().toNanos();
		this.record = record;
		this.endpoints = endpoints;
		this.sender = sender;
		this.clock = clock;
	}

	void attempt(DeliveryQueue.Claim claim) {
		UUID deliveryId = claim.id();
		Endpoints.Target target = target(claim.endpointId());
		if (target == null) {
			return; // deleted meanwhile; its deliveries go with it
		}
		Instant now = clock.instant();
		if (target.disabledReason() != null) {
			record.recordSkipped(deliveryId, target.ownerId(), now, "Not sent: the endpoint is disabled. " + target.disabledReason());
			return;
		}
		byte[] body = claim.payload().getBytes(StandardCharsets.UTF_8);
		String msgId = deliveryId.toString();
		long timestamp = now.getEpochSecond();
		Map<String, String> headers = Map.of("webhook-id", msgId, "webhook-timestamp", Long.toString(timestamp),
				"webhook-signature", WebhookSignatures.sign(msgId, timestamp, body, target.secrets()));
		WebhookSender.Response response = sender.post(target.url(), headers, body, CLOUDEVENTS_JSON);
		recorder.record(new AttemptRecorder.Outcome(deliveryId, target.ownerId(), now, response));
	}

	/**
	 * The endpoint as a target, looked up at most once a second per endpoint: at 1,000 deliveries a
	 * second that saves most of a transaction per delivery. A change (rotation, disabling, a new URL)
	 * reaches the workers within {@link DeliveryProperties#targetCache()}.
	 */
	private Endpoints.@Nullable Target target(UUID endpointId) {
		long now = System.nanoTime();
		Cached cached = targets.get(endpointId);
		if (cached != null && now - cached.at() < targetCacheNanos) {
			return cached.target();
		}
		Endpoints.Target target = endpoints.target(endpointId).orElse(null);
		if (target == null) {
			targets.remove(endpointId);
		}
		else {
			targets.put(endpointId, new Cached(target, now));
		}
		if (targets.size() > 10_000) {
			targets.clear();
		}
		return target;
	}

	private record Cached(Endpoints.Target target, long at) {
	}
}
