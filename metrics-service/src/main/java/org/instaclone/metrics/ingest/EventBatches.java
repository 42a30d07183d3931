package org.instaclone.metrics.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.instaclone.metrics.owner.Owners;
import org.instaclone.metrics.rollup.Metric;
import org.instaclone.metrics.rollup.Rollups;
import org.instaclone.platform.events.CloudEvent;
import org.instaclone.platform.events.CloudEvents;
import org.instaclone.platform.events.EventBatchException;
import org.instaclone.platform.events.ProcessedEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts one poll of a topic in ONE transaction: the event ids are recorded in
 * {@code processed_event} with one statement ({@link ProcessedEvents#firstDeliveries}; only the ids
 * that were not there yet are applied, so a redelivered or replayed event counts once, and an id twice
 * in one poll counts once too), the handlers
 * run in event order, and their increments are summed and upserted with one statement
 * ({@link Rollups#addAll}). Offsets are committed after the transaction.
 * <p>
 * An event that cannot be read, or that its handler rejects, is reported as
 * {@link EventBatchException} with its index after the events before it were committed: the
 * transport then acknowledges those, retries from the bad event (Kafka: at once to {@code <topic>-dlt}
 * for malformed JSON and {@link IllegalArgumentException}) and goes on with the rest. One bad event
 * never takes its neighbours with it.
 */
@Component
class EventBatches {

	private final CloudEvents cloudEvents;

	private final ProcessedEvents processed;

	private final Rollups rollups;

	private final Owners owners;

	private final TransactionTemplate tx;

	EventBatches(CloudEvents cloudEvents, ProcessedEvents processed, Rollups rollups, Owners owners,
			TransactionTemplate tx) {
		this.cloudEvents = cloudEvents;
		this.processed = processed;
		this.rollups = rollups;
		this.owners = owners;
		this.tx = tx;
	}

	/** What a listener does with one first-time event: counts, and owner changes (applied at once, in order). */
	@FunctionalInterface
	interface Handler<T> {

		void handle(CloudEvent<T> event, Batch batch);
	}

	<T> void ingest(String consumer, List<String> payloads, Class<T> dataType,
			Handler<T> handler) {
		List<CloudEvent<T>> events = new ArrayList<>(payloads.size());
		@Nullable RuntimeException failure = null;
		for (String payload : payloads) {
			try {
				events.add(cloudEvents.read(payload, dataType));
			}
			catch (RuntimeException ex) { // malformed: everything before it is still counted
				failure = ex;
				break;
			}
		}
		int good = events.size();
		while (good > 0) {
			List<CloudEvent<T>> counted = events.subList(0, good);
			try {
				tx.executeWithoutResult(status -> apply(consumer, counted, handler));
				break;
			}
			catch (RejectedEvent rejected) { // rolled back: count the events before it, then report it
				good = rejected.index;
				failure = rejected.cause;
			}
		}
		if (failure != null) {
			throw new EventBatchException(consumer + ": event at index " + good + " not counted", failure, good);
		}
	}

	private <T> void apply(String consumer, List<CloudEvent<T>> events, Handler<T> handler) {
		Set<String> fresh = processed.firstDeliveries(consumer, events.stream().map(CloudEvent::id).toList());
		Batch batch = new Batch();
		for (int i = 0; i < events.size(); i++) {
			CloudEvent<T> event = events.get(i);
			if (!fresh.remove(event.id())) {
				continue; // a redelivery, a replay, or the same id earlier in this poll
			}
			try {
				handler.handle(event, batch);
			}
			catch (RuntimeException ex) {
				throw new RejectedEvent(i, ex);
			}
		}
		owners.appsSeen(batch.appOwners);
		rollups.addAll(batch.increments);
	}

	/** The increments and owner records collected from one poll, written together at its end. */
	static final class Batch {

		private final List<Rollups.Increment> increments = new ArrayList<>();

		private final Map<UUID, UUID> appOwners = new LinkedHashMap<>();

		void count(Metric metric, UUID subject, Instant at, long delta) {
			increments.add(new Rollups.Increment(metric, subject, at, delta));
		}

		void appOwner(UUID appId, UUID ownerId) {
			appOwners.putIfAbsent(appId, ownerId);
		}
	}

	/** A handler rejected the event at {@code index}; the transaction is rolled back. */
	private static final class RejectedEvent extends RuntimeException {

		private final int index;

		private final RuntimeException cause;

		RejectedEvent(int index, RuntimeException cause) {
			super(cause.getMessage(), cause, false, false);
			this.index = index;
			this.cause = cause;
		}
	}
}
