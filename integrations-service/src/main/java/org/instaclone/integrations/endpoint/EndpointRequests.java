package org.instaclone.integrations.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

final class EndpointRequests {

	private EndpointRequests() {
	}

	/** Body of {@code POST /api/integrations/apps/{id}/endpoints}; the description is optional. */
	record NewEndpoint(@NotBlank @Size(max = 2048) @WebhookUrl String url,
			@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> eventTypes,
			@Size(max = 500) @Nullable String description) {
	}

	/**
	 * Body of {@code PATCH /api/integrations/apps/{id}/endpoints/{eid}}: only the fields present change.
	 * A new URL passes the same SSRF check as at registration.
	 */
	record EndpointChanges(@Size(min = 1, max = 2048) @WebhookUrl @Nullable String url,
			@Size(min = 1, max = 20) @Nullable List<@NotBlank @Size(max = 100) String> eventTypes,
			@Size(max = 500) @Nullable String description) {
	}

	/**
	 * An endpoint as listed: never with its secret. {@code status} is {@code enabled} or
	 * {@code disabled}; {@code disabledReason} says why (410 Gone, failing for days, ...).
	 */
	record EndpointView(UUID id, UUID appId, String url, List<String> eventTypes, String description,
			Instant createdAt, String status,
			@Nullable Instant disabledAt, @Nullable String disabledReason, @Nullable Instant failingSince) {
	}

	/** The answer to creating an endpoint: the only time the signing secret is shown. */
	record CreatedEndpoint(UUID id, UUID appId, String url, List<String> eventTypes, String description,
			Instant createdAt, String secret) {
	}

	/**
	 * The answer to rotating the secret: the new secret, shown this once; the previous one keeps signing
	 * too until {@code previousSecretExpiresAt}.
	 */
	record RotatedSecret(UUID endpointId, String secret, Instant previousSecretExpiresAt) {
	}
}
