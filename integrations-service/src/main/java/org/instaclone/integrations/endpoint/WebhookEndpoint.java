package org.instaclone.integrations.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Cursor;

/**
 * Where an app wants events delivered, and which. Holds its signing secret (sealed by
 * {@link SecretCipher}), the rotated-out secret during the overlap window, and its health: since when
 * every attempt fails, and whether (and why) it is disabled. Secrets are left out of
 * {@link #toString()} and every view.
 */
@Entity
@Table(name = "webhook_endpoint")
class WebhookEndpoint {

	@Id
	private UUID id;

	private UUID appId;

	/** The app's owner, copied so fan-out can select by owner without joining another feature's table. */
	private UUID ownerId;

	private String url;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "webhook_endpoint_event_type", joinColumns = @JoinColumn(name = "endpoint_id"))
	@Column(name = "event_type")
	private Set<String> eventTypes = new LinkedHashSet<>();

	private String description = "";

	private String secret;

	private @Nullable String previousSecret;

	private @Nullable Instant previousSecretExpires;

	private @Nullable Instant failingSince;

	private @Nullable Instant disabledAt;

	private @Nullable String disabledReason;

	private Instant createdAt;

	protected WebhookEndpoint() {
		// for JPA
	}

	static WebhookEndpoint create(UUID appId, UUID ownerId, String url, List<String> eventTypes,
			@Nullable String description, Instant now) {
		WebhookEndpoint endpoint = new WebhookEndpoint();
		endpoint.id = UUID.randomUUID();
		endpoint.appId = appId;
		endpoint.ownerId = ownerId;
		endpoint.url = url.strip();
		endpoint.eventTypes = new LinkedHashSet<>(eventTypes);
		endpoint.description = description == null ? "" : description.strip();
		endpoint.createdAt = now.truncatedTo(ChronoUnit.MICROS);
		return endpoint;
	}

	UUID id() {
		return id;
	}

	UUID appId() {
		return appId;
	}

	String url() {
		return url;
	}

	UUID ownerId() {
		return ownerId;
	}

	/** Applies the fields that are present; pending deliveries go to the new URL from their next attempt. */
	void change(EndpointRequests.EndpointChanges changes) {
		if (changes.url() != null) {
			url = changes.url().strip();
		}
		if (changes.eventTypes() != null) {
			eventTypes.clear();
			eventTypes.addAll(changes.eventTypes());
		}
		if (changes.description() != null) {
			description = changes.description().strip();
		}
	}

	void useSecret(String sealed) {
		this.secret = sealed;
	}

	/** The current secret becomes the previous one, still signing until {@code now + overlap}. */
	void rotateSecret(String sealedNew, Instant now, Duration overlap) {
		this.previousSecret = this.secret;
		this.previousSecretExpires = now.plus(overlap).truncatedTo(ChronoUnit.MICROS);
		this.secret = sealedNew;
	}

	String sealedSecret() {
		return secret;
	}

	/** The previous secret if it still signs at {@code now}. */
	@Nullable
	String sealedPreviousSecret(Instant now) {
		return previousSecret != null && previousSecretExpires != null && now.isBefore(previousSecretExpires)
				? previousSecret : null;
	}

	@Nullable
	Instant previousSecretExpires() {
		return previousSecretExpires;
	}

	@Nullable
	String disabledReason() {
		return disabledAt == null ? null : disabledReason;
	}

	@Nullable
	Instant failingSince() {
		return failingSince;
	}

	void disable(Instant now, String reason) {
		if (disabledAt == null) {
			disabledAt = now.truncatedTo(ChronoUnit.MICROS);
			disabledReason = reason.length() <= 500 ? reason : reason.substring(0, 500);
		}
	}

	void enable() {
		disabledAt = null;
		disabledReason = null;
		failingSince = null;
	}

	Cursor cursor() {
		return new Cursor(createdAt, id);
	}

	EndpointRequests.EndpointView view() {
		return new EndpointRequests.EndpointView(id, appId, url, List.copyOf(eventTypes), description, createdAt,
				disabledAt == null ? "enabled" : "disabled", disabledAt, disabledReason(), failingSince);
	}

	EndpointRequests.CreatedEndpoint createdView(String clearSecret) {
		return new EndpointRequests.CreatedEndpoint(id, appId, url, List.copyOf(eventTypes), description, createdAt,
				clearSecret);
	}

	@Override
	public String toString() {
		return "WebhookEndpoint[id=" + id + ", appId=" + appId + ", url=" + url + "]";
	}
}
