package org.instaclone.integrations.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

final class EndpointRequests {

	private EndpointRequests() {
	}

	/** Body of {@code POST /api/integrations/apps/{id}/endpoints}. */
	record NewEndpoint(@NotBlank @Size(max = 2048) @WebhookUrl String url,
			@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> eventTypes) {
	}

	/** An endpoint as listed: never with its secret. */
	record EndpointView(UUID id, UUID appId, String url, List<String> eventTypes, Instant createdAt) {
	}

	/** The answer to creating an endpoint: the only time the signing secret is shown. */
	record CreatedEndpoint(UUID id, UUID appId, String url, List<String> eventTypes, Instant createdAt,
			String secret) {
	}
}
