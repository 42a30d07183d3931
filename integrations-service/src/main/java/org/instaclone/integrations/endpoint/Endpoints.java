package org.instaclone.integrations.endpoint;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.instaclone.integrations.app.Apps;
import org.instaclone.platform.paging.Cursor;
import org.instaclone.platform.paging.Page;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Webhook endpoints of an app, managed by the app's owner. */
@Service
@Transactional(readOnly = true)
public class Endpoints {

	private final WebhookEndpointRepository endpoints;

	private final Apps apps;

	private final Clock clock = Clock.systemUTC();

	Endpoints(WebhookEndpointRepository endpoints, Apps apps) {
		this.endpoints = endpoints;
		this.apps = apps;
	}

	/** An endpoint that should receive an event: which endpoint, of which app. */
	public record Subscriber(UUID endpointId, UUID appId) {
	}

	/** Endpoints subscribed to {@code type} of apps owned by any of {@code owners}. */
	public List<Subscriber> subscribersOf(String type, Collection<UUID> owners) {
		return endpoints.findSubscribers(type, owners)
			.stream()
			.map(e -> new Subscriber(e.id(), e.appId()))
			.toList();
	}

	@Transactional
	EndpointRequests.CreatedEndpoint create(UUID owner, UUID appId, EndpointRequests.NewEndpoint request) {
		apps.requireOwned(owner, appId);
		request.eventTypes()
			.stream()
			.filter(type -> !SubscribableEvents.TYPES.contains(type))
			.findFirst()
			.ifPresent(type -> {
				throw new UnsupportedEventTypeException(type);
			});
		WebhookEndpoint endpoint = endpoints
			.save(WebhookEndpoint.create(appId, owner, request.url(), request.eventTypes(), clock.instant()));
		return endpoint.createdView();
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
}
