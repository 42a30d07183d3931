package org.instaclone.integrations.delivery;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Page;
import org.instaclone.platform.security.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/integrations/apps/{appId}/deliveries")
class DeliveryController {

	private final Deliveries deliveries;

	DeliveryController(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	/** What the app's endpoints are owed or were sent, newest first. */
	@Operation(summary = "The app's deliveries, newest first")
	@GetMapping
	Page<DeliveryView> list(Viewer viewer, @PathVariable UUID appId,
			@RequestParam(required = false) @Size(max = 200) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return deliveries.list(viewer.id(), appId, cursor, limit);
	}

	@Operation(summary = "One delivery")
	@GetMapping("/{deliveryId}")
	DeliveryView get(Viewer viewer, @PathVariable UUID appId, @PathVariable UUID deliveryId) {
		return deliveries.find(viewer.id(), appId, deliveryId);
	}

	/** Every attempt at the delivery, newest first: status, latency, error, the response's first characters. */
	@Operation(summary = "Every attempt at a delivery, newest first (response excerpts are text)")
	@GetMapping("/{deliveryId}/attempts")
	Page<DeliveryAttempt.AttemptView> attempts(Viewer viewer, @PathVariable UUID appId, @PathVariable UUID deliveryId,
			@RequestParam(required = false) @Size(max = 200) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return deliveries.attempts(viewer.id(), appId, deliveryId, cursor, limit);
	}

	/** Sends a delivered or failed delivery again, with the same webhook-id. */
	@Operation(summary = "Send a delivered or failed delivery again, with the same webhook-id")
	@PostMapping("/{deliveryId}/replay")
	DeliveryView replay(Viewer viewer, @PathVariable UUID appId, @PathVariable UUID deliveryId) {
		return deliveries.replay(viewer.id(), appId, deliveryId);
	}
}
