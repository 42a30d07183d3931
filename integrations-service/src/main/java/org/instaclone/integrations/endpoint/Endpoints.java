package org.instaclone.integrations.endpoint;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.instaclone.integrations.app.Apps;
import org.instaclone.platform.paging.Cursor;
import org.instaclone.platform.paging.Page;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Webhook endpoints of an app, managed by the app's owner; their secrets and health for delivery. */
@Service
@Transactional(readOnly = true)
public class Endpoints {

	private final WebhookEndpointRepository endpoints;

	private final Apps apps;

	private final SecretCipher cipher;

	private final EndpointProperties properties;

	private final Clock clock;

	private final JdbcClient jdbc;

	Endpoints(WebhookEndpointRepository endpoints, Apps apps, SecretCipher cipher, EndpointProperties properties,
			Clock clock, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.endpoints = endpoints;
		this.apps = apps;
		this.cipher = cipher;
		this.properties = properties;
		this.clock = clock;
	}

	/** An endpoint that should receive an event: which endpoint, of which app. */
	public record Subscriber(UUID endpointId, UUID appId) {
	}

	/**
	 * Where and how to deliver: the URL, the secrets to sign with (the current one first, then the
	 * rotated-out one during its overlap window), and why it is disabled, if it is.
	 */
	public record Target(UUID endpointId, UUID ownerId, String url, List<String> secrets,
			@Nullable String disabledReason) {

		@Override
		public String toString() {
			return "Target[endpointId=" + endpointId + ", url=" + url + "]";
		}
	}

	/** An endpoint of an app owned by {@code ownerId} that subscribed to {@code eventType}. */
	public record Subscription(UUID endpointId, UUID appId, UUID ownerId, String eventType) {
	}

	/**
	 * Every subscription to one of {@code types} by an app owned by one of {@code owners}: one query for a
	 * whole batch of events (the fan-out of a Kafka poll). Plain SQL with two array parameters: as JPQL
	 * with IN lists of varying length it was translated anew for most polls (Hibernate was a third of
	 * the fan-out consumer's samples, docs/performance.md).
	 */
	public List<Subscription> subscriptions(Collection<String> types, Collection<UUID> owners) {
		if (types.isEmpty() || owners.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select e.id, e.app_id, e.owner_id, t.event_type
				from webhook_endpoint e join webhook_endpoint_event_type t on t.endpoint_id = e.id
				where t.event_type = any(cast(? as text[])) and e.owner_id = any(cast(? as uuid[]))""")
			.params(types.toArray(String[]::new), owners.stream().map(UUID::toString).toArray(String[]::new))
			.query((rs, n) -> new Subscription(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4)))
			.list();
	}

	/** Endpoints subscribed to {@code type} of apps owned by any of {@code owners}. */
	public List<Subscriber> subscribersOf(String type, Collection<UUID> owners) {
		return endpoints.findSubscribers(type, owners);
	}

	/** The endpoint as a delivery target, with its secrets in clear; empty if it was deleted. */
	public Optional<Target> target(UUID endpointId) {
		Instant now = clock.instant();
		return endpoints.findById(endpointId).map(e -> {
			List<String> secrets = new ArrayList<>(2);
			secrets.add(cipher.open(e.sealedSecret(), e.id()));
			String previous = e.sealedPreviousSecret(now);
			if (previous != null) {
				secrets.add(cipher.open(previous, e.id()));
			}
			return new Target(e.id(), e.ownerId(), e.url(), List.copyOf(secrets), e.disabledReason());
		});
	}

	/**
	 * Deliveries to these endpoints succeeded: they are healthy again. One statement; cheap for those that
	 * already were (no row locked).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordDelivered(Collection<UUID> endpointIds) {
		if (!endpointIds.isEmpty()) {
			endpoints.clearFailingSince(endpointIds);
		}
	}

	/**
	 * An attempt failed. Remembers since when the endpoint fails; once every attempt has failed for
	 * {@link EndpointProperties#disableAfterFailing()} the endpoint is disabled, with the reason.
	 * @return whether the endpoint is now disabled
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean recordFailure(UUID endpointId, String lastError) {
		Instant now = clock.instant();
		endpoints.markFailingSince(endpointId, now);
		return endpoints.findById(endpointId).map(e -> {
			Instant since = e.failingSince();
			if (e.disabledReason() == null && since != null
					&& !since.plus(properties.disableAfterFailing()).isAfter(now)) {
				e.disable(now, "Every delivery attempt failed since " + since + " ("
						+ properties.disableAfterFailing().toDays() + " days or more); the last: " + lastError);
			}
			return e.disabledReason() != null;
		}).orElse(false);
	}

	/** Disables the endpoint at once, e.g. because it answered 410 Gone. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void disable(UUID endpointId, String reason) {
		endpoints.findById(endpointId).ifPresent(e -> e.disable(clock.instant(), reason));
	}

	@Transactional
	EndpointRequests.CreatedEndpoint create(UUID owner, UUID appId, EndpointRequests.NewEndpoint request) {
		apps.requireOwned(owner, appId);
		requireSubscribable(request.eventTypes());
		WebhookEndpoint endpoint = WebhookEndpoint.create(appId, owner, request.url(), request.eventTypes(),
				request.description(), clock.instant());
		String secret = SigningSecrets.generate();
		endpoint.useSecret(cipher.seal(secret, endpoint.id()));
		return endpoints.save(endpoint).createdView(secret);
	}

	/**
	 * Changes the URL, event types or description (the fields present). Deliveries already recorded keep
	 * their event and go to the endpoint's URL as it is at their next attempt.
	 */
	@Transactional
	EndpointRequests.EndpointView change(UUID owner, UUID appId, UUID endpointId,
			EndpointRequests.EndpointChanges changes) {
		WebhookEndpoint endpoint = owned(owner, appId, endpointId);
		if (changes.eventTypes() != null) {
			requireSubscribable(changes.eventTypes());
		}
		endpoint.change(changes);
		return endpoint.view();
	}

	/** Deletes the endpoint with its deliveries and their attempts (cascade). */
	@Transactional
	void delete(UUID owner, UUID appId, UUID endpointId) {
		endpoints.delete(owned(owner, appId, endpointId));
	}

	/** A new secret, shown once; the old one keeps signing for the overlap window. */
	@Transactional
	EndpointRequests.RotatedSecret rotateSecret(UUID owner, UUID appId, UUID endpointId) {
		WebhookEndpoint endpoint = owned(owner, appId, endpointId);
		String secret = SigningSecrets.generate();
		endpoint.rotateSecret(cipher.seal(secret, endpoint.id()), clock.instant(), properties.secretOverlap());
		return new EndpointRequests.RotatedSecret(endpoint.id(), secret, endpoint.previousSecretExpires());
	}

	/** Enables a disabled endpoint again; deliveries that failed meanwhile can be replayed one by one. */
	@Transactional
	EndpointRequests.EndpointView enable(UUID owner, UUID appId, UUID endpointId) {
		WebhookEndpoint endpoint = owned(owner, appId, endpointId);
		endpoint.enable();
		return endpoint.view();
	}

	EndpointRequests.EndpointView find(UUID owner, UUID appId, UUID endpointId) {
		return owned(owner, appId, endpointId).view();
	}

	Page<EndpointRequests.EndpointView> list(UUID owner, UUID appId, @Nullable String cursor, int limit) {
		apps.requireOwned(owner, appId);
		Cursor after = Cursor.decode(cursor);
		Limit fetch = Limit.of(limit + 1);
		List<WebhookEndpoint> rows = after == null ? endpoints.findByAppIdOrderByCreatedAtDescIdDesc(appId, fetch)
				: endpoints.findByAppAfter(appId, after.at(), after.id(), fetch);
		Page<WebhookEndpoint> page = Page.of(rows, limit, WebhookEndpoint::cursor);
		return new Page<>(page.items().stream().map(WebhookEndpoint::view).toList(), page.nextCursor());
	}

	private static void requireSubscribable(List<String> types) {
		types.stream().filter(type -> !SubscribableEvents.TYPES.contains(type)).findFirst().ifPresent(type -> {
			throw new UnsupportedEventTypeException(type);
		});
	}

	private WebhookEndpoint owned(UUID owner, UUID appId, UUID endpointId) {
		apps.requireOwned(owner, appId);
		return endpoints.findByIdAndAppId(endpointId, appId).orElseThrow(() -> new EndpointNotFoundException(endpointId));
	}
}
