package org.instaclone.integrations.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.instaclone.integrations.app.Apps;
import org.instaclone.integrations.endpoint.Endpoints;
import org.instaclone.platform.paging.Cursor;
import org.instaclone.platform.paging.Page;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The fan-out of events to subscribed endpoints, and the owner's view of it. */
@Service
@Transactional(readOnly = true)
class Deliveries {

	private final DeliveryRepository deliveries;

	private final Endpoints endpoints;

	private final Apps apps;

	private final Clock clock = Clock.systemUTC();

	Deliveries(DeliveryRepository deliveries, Endpoints endpoints, Apps apps) {
		this.deliveries = deliveries;
		this.endpoints = endpoints;
		this.apps = apps;
	}

	/**
	 * Records a pending delivery for every endpoint subscribed to the event's type whose app belongs to
	 * one of the users the event concerns. Runs in the consumer's transaction.
	 * @return how many deliveries were recorded
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int fanOut(String eventId, String eventType, Set<UUID> concerning, String payload) {
		List<Endpoints.Subscriber> subscribers = endpoints.subscribersOf(eventType, concerning);
		subscribers.forEach(s -> deliveries
			.save(Delivery.pending(s.endpointId(), s.appId(), eventId, eventType, payload, clock.instant())));
		return subscribers.size();
	}

	Page<DeliveryView> list(UUID owner, UUID appId, @Nullable String cursor, int limit) {
		apps.requireOwned(owner, appId);
		Cursor after = Cursor.decode(cursor);
		Limit fetch = Limit.of(limit + 1);
		List<Delivery> rows = after == null ? deliveries.findByAppIdOrderByCreatedAtDescIdDesc(appId, fetch)
				: deliveries.findByAppAfter(appId, after.at(), after.id(), fetch);
		Page<Delivery> page = Page.of(rows, limit, Delivery::cursor);
		return new Page<>(page.items().stream().map(Delivery::view).toList(), page.nextCursor());
	}
}
