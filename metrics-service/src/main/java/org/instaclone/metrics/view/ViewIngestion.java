package org.instaclone.metrics.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Group commit for view beacons. A request's views wait in a bounded in-memory queue (at most
 * {@code queue-capacity} views: {@link #record} answers {@link ViewsBusyException} instead of
 * queueing more, so memory is bounded and nothing is dropped silently); writer threads take whatever
 * is queued, up to {@code batch-size} views from many requests, and store it with one statement
 * ({@link ViewStore}). The request returns once its views are committed, so an accepted beacon is
 * durable, and a beacon that failed or timed out can be sent again unchanged: the event ids make the
 * retry count once.
 */
@Service
class ViewIngestion implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ViewIngestion.class);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	private final ViewStore store;

	private final ViewProperties properties;

	private final Clock clock = Clock.systemUTC();

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private final Semaphore capacity;

	private final List<Thread> writers = new ArrayList<>();

	private volatile boolean running;

	private final Counter written;

	private final Counter duplicates;

	private final Counter rejected;

	private final Counter failed;

	private final Timer writes;

	ViewIngestion(ViewStore store, ViewProperties properties, MeterRegistry meters) {
		this.store = store;
		this.properties = properties;
		this.capacity = new Semaphore(properties.queueCapacity());
		Gauge.builder("views.ingest.queued", () -> properties.queueCapacity() - capacity.availablePermits())
			.description("Views accepted by the beacon and waiting to be written")
			.register(meters);
		this.written = outcome(meters, "written");
		this.duplicates = outcome(meters, "duplicate");
		this.rejected = outcome(meters, "rejected");
		this.failed = outcome(meters, "failed");
		this.writes = Timer.builder("views.ingest.write")
			.description("One batched write of views and their rollups")
			.publishPercentileHistogram()
			.register(meters);
	}

	private static Counter outcome(MeterRegistry meters, String outcome) {
		return Counter.builder("views.ingest.events")
			.description("Beacon views by outcome: written (new), duplicate (replay), rejected (queue full), failed (write error or timeout)")
			.tag("outcome", outcome)
			.register(meters);
	}

	/**
	 * Checks every view's timestamp, then stores the batch; returns once it is committed.
	 * @throws InvalidViewException a view is from the future or too old (nothing is stored)
	 * @throws ViewsBusyException the views cannot be stored now; send them again later
	 */
	void record(UUID viewer, List<ViewBatch.View> views) {
		Instant now = clock.instant();
		for (int i = 0; i < views.size(); i++) {
			Instant at = views.get(i).viewedAt();
			if (at.isAfter(now.plus(properties.maxSkew()))) {
				throw new InvalidViewException(i, "is in the future (" + at + "); the client's clock is off");
			}
			if (at.isBefore(now.minus(properties.maxAge()))) {
				throw new InvalidViewException(i,
						"is older than " + properties.maxAge().toHours() + " hours (" + at + "); drop the view");
			}
		}
		List<ViewStore.Row> rows = views.stream()
			.map(v -> new ViewStore.Row(viewer, v.eventId(), v.postId(), v.viewedAt()))
			.toList();
		await(submit(rows));
	}

	/** Queues rows for the writers; the future completes when they are committed. */
	CompletableFuture<Void> submit(List<ViewStore.Row> rows) {
		if (!running || !capacity.tryAcquire(rows.size())) {
			rejected.increment(rows.size());
			throw new ViewsBusyException("Too many views are waiting to be stored; send them again shortly.",
					RETRY_AFTER);
		}
		Pending pending = new Pending(rows, new CompletableFuture<>());
		queue.add(pending);
		return pending.done();
	}

	/** The queue's bound, in views. */
	int capacity() {
		return properties.queueCapacity();
	}

	private void await(CompletableFuture<Void> done) {
		try {
			done.get(properties.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			throw new ViewsBusyException("The views could not be stored in time; send them again shortly.",
					RETRY_AFTER);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ViewsBusyException("Interrupted while storing the views; send them again.", RETRY_AFTER);
		}
	}

	private void writeLoop() {
		List<Pending> batch = new ArrayList<>();
		while (running || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				int size = first.rows().size();
				Pending next;
				while (size < properties.batchSize() && (next = queue.poll()) != null) {
					batch.add(next);
					size += next.rows().size();
				}
				write(batch, size);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				batch.clear();
			}
		}
	}

	private void write(List<Pending> batch, int size) {
		List<ViewStore.Row> rows = new ArrayList<>(size);
		batch.forEach(p -> rows.addAll(p.rows()));
		try {
			int fresh = writes.recordCallable(() -> store.write(rows));
			written.increment(fresh);
			duplicates.increment(size - fresh);
			batch.forEach(p -> p.done().complete(null));
		}
		catch (Exception ex) {
			// the requests answer 503 and their clients send the views again: nothing is lost silently
			log.warn("Could not write {} views: {}", size, ex.toString());
			failed.increment(size);
			batch.forEach(p -> p.done().completeExceptionally(ex));
		}
		finally {
			capacity.release(size);
		}
	}

	/** Forgets event ids older than any beacon may carry: a replay of them is refused by the age check. */
	@Scheduled(fixedDelayString = "${instaclone.views.retention-interval:10m}")
	void forgetOldViews() {
		int deleted = store.forgetBefore(clock.instant().minus(properties.maxAge()).minus(properties.retentionMargin()));
		if (deleted > 0) {
			log.info("Forgot {} views older than the beacon accepts", deleted);
		}
	}

	@Override
	public void start() {
		running = true;
		for (int i = 0; i < properties.writers(); i++) {
			Thread writer = new Thread(this::writeLoop, "view-writer-" + i);
			writer.start();
			writers.add(writer);
		}
	}

	/** Stops taking views and writes what is queued before the database goes away. */
	@Override
	public void stop() {
		running = false;
		for (Thread writer : writers) {
			try {
				writer.join(properties.writeTimeout().toMillis() * 2);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		writers.clear();
	}

	/** Starts before and stops after the web server, so in-flight beacons finish their writes. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private record Pending(List<ViewStore.Row> rows, CompletableFuture<Void> done) {
	}
}
