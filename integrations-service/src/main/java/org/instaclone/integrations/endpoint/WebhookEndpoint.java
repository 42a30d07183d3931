package org.instaclone.integrations.endpoint;

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

import org.instaclone.platform.paging.Cursor;

/**
 * Where an app wants events delivered, and which. The signing secret is kept to sign deliveries (a
 * later issue) and is deliberately left out of {@link #toString()} and every view but the creation answer.
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

	private String secret;

	private Instant createdAt;

	protected WebhookEndpoint() {
		// for JPA
	}

	static WebhookEndpoint create(UUID appId, UUID ownerId, String url, List<String> eventTypes, Instant now) {
		WebhookEndpoint endpoint = new WebhookEndpoint();
		endpoint.id = UUID.randomUUID();
		endpoint.appId = appId;
		endpoint.ownerId = ownerId;
		endpoint.url = url.strip();
		endpoint.eventTypes = new LinkedHashSet<>(eventTypes);
		endpoint.secret = SigningSecrets.generate();
		endpoint.createdAt = now.truncatedTo(ChronoUnit.MICROS);
		return endpoint;
	}

	UUID id() {
		return id;
	}

	UUID appId() {
		return appId;
	}

	Cursor cursor() {
		return new Cursor(createdAt, id);
	}

	EndpointRequests.EndpointView view() {
		return new EndpointRequests.EndpointView(id, appId, url, List.copyOf(eventTypes), createdAt);
	}

	EndpointRequests.CreatedEndpoint createdView() {
		return new EndpointRequests.CreatedEndpoint(id, appId, url, List.copyOf(eventTypes), createdAt, secret);
	}

	@Override
	public String toString() {
		return "WebhookEndpoint[id=" + id + ", appId=" + appId + ", url=" + url + "]";
	}
}
