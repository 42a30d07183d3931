package org.instaclone.integrations.delivery;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Page;
import org.instaclone.platform.security.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeliveryController {

	private final Deliveries deliveries;

	DeliveryController(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	/** What the app's endpoints are owed, newest first. */
	@GetMapping("/api/integrations/apps/{appId}/deliveries")
	Page<DeliveryView> list(Viewer viewer, @PathVariable UUID appId,
			@RequestParam(required = false) @Size(max = 200) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return deliveries.list(viewer.id(), appId, cursor, limit);
	}
}
