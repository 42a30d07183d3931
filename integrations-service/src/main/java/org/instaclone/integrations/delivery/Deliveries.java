package org.instaclone.integrations.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

import org.instaclone.integrations.app.Apps;
import org.instaclone.integrations.egress.WebhookSender;
import org.instaclone.integrations.endpoint.Endpoints;
import org.instaclone.platform.events.Outbox;
import org.instaclone.platform.events.ProcessedEvents;
import org.instaclone.platform.paging.Cursor;
import org.instaclone.platform.paging.Page;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The fan-out of events to subscribed endpoints, the record of each attempt, and the owner's view. */
@Service
@Transactional(readOnly = true)
class Deliveries {

	private final DeliveryRepository deliveries;

	private final DeliveryAttemptRepository attempts;

	private final Endpoints endpoints;

	private final Apps apps;

	private final ApplicationEventPublisher events;

	private final DeliveryQueue queue;

	private final AttemptLog attemptLog;

	private final DeliveryEvents deliveryEvents;

	private final ProcessedEvents processed;

	private final Clock clock;

	private final RandomGenerator random = RandomGenerator.getDefault();

	Deliveries(DeliveryRepository deliveries, DeliveryAttemptRepository attempts, Endpoints endpoints, Apps apps,
			ApplicationEventPublisher events, DeliveryQueue queue, AttemptLog attemptLog, DeliveryEvents deliveryEvents,
			ProcessedEvents processed, Clock clock) {
		this.processed = processed;
		this.queue = queue;
		this.attemptLog = attemptLog;
		this.deliveryEvents = deliveryEvents;
		this.deliveries = deliveries;
		this.attempts = attempts;
		this.endpoints = endpoints;
		this.apps = apps;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a pending delivery, due now, for every endpoint subscribed to the event's type whose app
	 * belongs to one of the users the event concerns. Runs in the consumer's transaction.
	 * @return how many deliveries were recorded
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int fanOut(String eventId, String eventType, Set<UUID> concerning, String payload) {
		return enqueue(List.of(new DeliveryQueue.Owed(eventId, eventType, payload,
				endpoints.subscribersOf(eventType, concerning))));
	}

	/**
	 * Fans a batch of events out in the caller's transaction: the ones seen for the first time by
	 * {@code consumer} ({@link ProcessedEvents}, one statement), their subscribers found with one query.
	 * @return how many deliveries were recorded
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int fanOutAll(String consumer, List<ConsumedEvent> batch) {
		Set<String> fresh = processed.firstDeliveries(consumer,
				batch.stream().map(ConsumedEvent::id).collect(java.util.stream.Collectors.toCollection(
						java.util.LinkedHashSet::new)));
		List<ConsumedEvent> todo = batch.stream().filter(e -> fresh.remove(e.id())).toList();
		Set<String> types = new java.util.HashSet<>();
		Set<UUID> owners = new java.util.HashSet<>();
		todo.forEach(e -> {
			types.add(e.type());
			owners.addAll(e.concerning());
		});
		java.util.Map<String, java.util.Map<UUID, List<Endpoints.Subscriber>>> index = new java.util.HashMap<>();
		endpoints.subscriptions(types, owners)
			.forEach(s -> index.computeIfAbsent(s.eventType(), t -> new java.util.HashMap<>())
				.computeIfAbsent(s.ownerId(), o -> new java.util.ArrayList<>())
				.add(new Endpoints.Subscriber(s.endpointId(), s.appId())));
		List<DeliveryQueue.Owed> owed = new ArrayList<>(todo.size());
		for (ConsumedEvent event : todo) {
			java.util.Map<UUID, List<Endpoints.Subscriber>> byOwner = index.getOrDefault(event.type(),
					java.util.Map.of());
			List<Endpoints.Subscriber> subscribers = event.concerning()
				.stream()
				.flatMap(owner -> byOwner.getOrDefault(owner, List.of()).stream())
				.distinct()
				.toList();
			owed.add(new DeliveryQueue.Owed(event.id(), event.type(), event.payload(), subscribers));
		}
		return enqueue(owed);
	}

	/** A consumed event to fan out: its id, type, the users it concerns and the CloudEvent as received. */
	record ConsumedEvent(String id, String type, Set<UUID> concerning, String payload) {
	}

	/** Records the deliveries, due now, in one statement; after commit, the scheduler wakes up. */
	private int enqueue(List<DeliveryQueue.Owed> owed) {
		int recorded = queue.enqueue(owed, clock.instant());
		if (recorded > 0) {
			events.publishEvent(new DeliveriesDue(recorded));
		}
		return recorded;
	}

	/**
	 * Logs each attempt and applies its verdict to the delivery and the endpoint's health, all in one
	 * transaction, with a {@link DeliveryEvents delivery event} per attempt in the outbox. A delivery no
	 * longer pending (replayed, deleted, or finished by an earlier outcome in the list) is left alone.
	 * One statement each loads the deliveries (no payloads), logs the attempts, writes the deliveries'
	 * changed columns ({@link AttemptLog}) and appends the events; an endpoint that stays healthy is
	 * touched once, together with the others.
	 */
	@Transactional
	void recordAttempts(List<AttemptRecorder.Outcome> outcomes) {
		Map<UUID, DeliveryState> states = attemptLog
			.pending(outcomes.stream().map(AttemptRecorder.Outcome::deliveryId).collect(Collectors.toSet()));
		Map<UUID, DeliveryState> changed = new LinkedHashMap<>();
		List<AttemptLog.Attempt> logged = new ArrayList<>(outcomes.size());
		List<Outbox.Event> attemptEvents = new ArrayList<>(outcomes.size());
		// endpoints whose failure clock is cleared at the end (once each); a failure of one of them
		// clears it first, so that the clock restarts at that failure as it did attempt by attempt
		Set<UUID> healthy = new HashSet<>();
		Set<UUID> toClear = new LinkedHashSet<>();
		for (AttemptRecorder.Outcome outcome : outcomes) {
			DeliveryState state = states.get(outcome.deliveryId());
			if (state == null || !state.pending()) {
				continue;
			}
			WebhookSender.Response response = outcome.response();
			Instant at = outcome.at();
			UUID endpoint = state.endpointId();
			Verdict verdict = RetrySchedule.judge(response, state.attempts() + 1, clock.instant(), random);
			logged.add(AttemptLog.Attempt.of(state.id(), at, response));
			state = state.attempted(at, verdict);
			long latencyMs = response.latency().toMillis();
			if (verdict instanceof Verdict.Delivered) {
				if (healthy.add(endpoint)) {
					toClear.add(endpoint);
				}
				attemptEvents.add(deliveryEvents.delivered(state, outcome.ownerId(), at, response.status(), latencyMs));
			}
			else {
				healthy.remove(endpoint);
				if (toClear.remove(endpoint)) {
					endpoints.recordDelivered(List.of(endpoint));
				}
				boolean endpointDisabled;
				if (verdict instanceof Verdict.Failed failed && failed.disableEndpoint()) {
					endpoints.disable(endpoint, "The endpoint answered 410 Gone at " + at + ".");
					endpointDisabled = true;
				}
				else {
					endpointDisabled = endpoints.recordFailure(endpoint, describe(response));
					if (endpointDisabled) {
						state = state.givenUp(at); // the owner replays it once the endpoint is enabled again
					}
				}
				attemptEvents.add(deliveryEvents.failed(state, outcome.ownerId(), at, response.status(), latencyMs,
						response.refused(), describe(response), endpointDisabled || verdict instanceof Verdict.Failed));
			}
			states.put(state.id(), state);
			changed.put(state.id(), state);
		}
		attemptLog.write(logged, changed.values());
		endpoints.recordDelivered(toClear);
		deliveryEvents.append(attemptEvents);
	}

	/** The endpoint is disabled: the delivery fails without an attempt on the wire. */
	@Transactional
	void recordSkipped(UUID deliveryId, UUID ownerId, Instant at, String why) {
		DeliveryState state = attemptLog.pending(List.of(deliveryId)).get(deliveryId);
		if (state == null) {
			return;
		}
		DeliveryState failed = state.attempted(at, new Verdict.Failed(why, false));
		attemptLog.write(List.of(AttemptLog.Attempt.skipped(deliveryId, at, why)), List.of(failed));
		deliveryEvents.append(List.of(deliveryEvents.failed(failed, ownerId, at, null, 0, true, why, true)));
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

	DeliveryView find(UUID owner, UUID appId, UUID deliveryId) {
		return owned(owner, appId, deliveryId).view();
	}

	/** The delivery's attempts, newest first. */
	Page<DeliveryAttempt.AttemptView> attempts(UUID owner, UUID appId, UUID deliveryId, @Nullable String cursor,
			int limit) {
		owned(owner, appId, deliveryId);
		Cursor after = Cursor.decode(cursor);
		Limit fetch = Limit.of(limit + 1);
		List<DeliveryAttempt> rows = after == null
				? attempts.findByDeliveryIdOrderByAttemptedAtDescIdDesc(deliveryId, fetch)
				: attempts.findByDeliveryAfter(deliveryId, after.at(), after.id(), fetch);
		Page<DeliveryAttempt> page = Page.of(rows, limit, DeliveryAttempt::cursor);
		return new Page<>(page.items().stream().map(DeliveryAttempt::view).toList(), page.nextCursor());
	}

	/** Sends a finished delivery again, from the start of the retry schedule, with the same webhook-id. */
	@Transactional
	DeliveryView replay(UUID owner, UUID appId, UUID deliveryId) {
		Delivery delivery = owned(owner, appId, deliveryId);
		if (delivery.status() == Delivery.Status.PENDING) {
			throw new ReplayNotPossibleException("The delivery is still pending; it will be attempted again by itself.");
		}
		endpoints.target(delivery.endpointId())
			.map(Endpoints.Target::disabledReason)
			.ifPresent(reason -> {
				throw new ReplayNotPossibleException("The endpoint is disabled (" + reason + "); enable it first.");
			});
		delivery.replay(clock.instant());
		events.publishEvent(new DeliveriesDue(1));
		return delivery.view();
	}

	private Delivery owned(UUID owner, UUID appId, UUID deliveryId) {
		apps.requireOwned(owner, appId);
		return deliveries.findByIdAndAppId(deliveryId, appId)
			.orElseThrow(() -> new DeliveryNotFoundException(deliveryId));
	}

	private static String describe(WebhookSender.Response response) {
		return response.status() != null ? "HTTP " + response.status() : String.valueOf(response.error());
	}
}
