package org.instaclone.integrations.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends due deliveries: one thread claims them from {@link DeliveryQueue} as workers free up, a fixed
 * pool of {@link DeliveryProperties#workers()} threads attempts them. At most
 * {@link DeliveryProperties#perEndpoint()} attempts per endpoint run at once in this instance (claims
 * skip endpoints at their limit), so a slow or dead endpoint (15 s per attempt at worst) holds a few
 * workers, never all of them. It waits between polls, and wakes early when deliveries become due in
 * this instance or a worker frees up.
 */
@Component
class DeliveryScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryScheduler.class);

	private final DeliveryQueue queue;

	private final DeliveryWorker worker;

	private final DeliveryProperties properties;

	private final Clock clock;

	private final Semaphore freeWorkers;

	private final int wakeThreshold;

	private final ConcurrentHashMap<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	private final Object signal = new Object();

	private boolean woken;

	/**
	 * Whether the last claim may have left due deliveries behind: it took as many as there were free
	 * workers (or gave some back). If not, everything due was claimed except for the endpoints it left
	 * out ({@link #leftOut}), and a worker that frees up has no reason to start a claim.
	 */
	private volatile boolean mayHaveMore = true;

	/** Endpoints the last claim left out because they were at their limit. */
	private volatile Set<UUID> leftOut = Set.of();

	private volatile boolean running;

	private @Nullable ExecutorService pool;

	private @Nullable Thread poller;

	DeliveryScheduler(DeliveryQueue queue, DeliveryWorker worker, DeliveryProperties properties, Clock clock) {
		this.queue = queue;
		this.worker = worker;
		this.properties = properties;
		this.clock = clock;
		this.freeWorkers = new Semaphore(properties.workers());
		this.wakeThreshold = Math.max(1, properties.workers() / 2);
	}

	@TransactionalEventListener
	void onDeliveriesDue(DeliveriesDue due) {
		wakeUp();
	}

	/** Look for due deliveries now rather than at the next poll. */
	void wakeUp() {
		synchronized (signal) {
			woken = true;
			signal.notifyAll();
		}
	}

	@Override
	public void start() {
		if (!properties.enabled()) {
			return;
		}
		AtomicInteger n = new AtomicInteger();
		pool = Executors.newFixedThreadPool(properties.workers(), r -> {
			Thread thread = new Thread(r, "webhook-worker-" + n.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		running = true;
		Thread thread = new Thread(this::run, "webhook-scheduler");
		thread.setDaemon(true);
		poller = thread;
		thread.start();
	}

	@Override
	public void stop() {
		running = false;
		wakeUp();
		if (pool != null) {
			pool.shutdown();
			try {
				// attempts in flight finish (15 s at most); unfinished ones are claimed again after their lease
				pool.awaitTermination(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		while (running) {
			try {
				if (claimAndDispatch() == 0) {
					await();
				}
			}
			catch (RuntimeException ex) {
				log.warn("Claiming due webhook deliveries failed; trying again shortly", ex);
				await();
			}
		}
	}

	private int claimAndDispatch() {
		int capacity = freeWorkers.availablePermits();
		if (capacity == 0) {
			return 0;
		}

		Set<UUID> busy = inFlight.entrySet()
			.stream()
			.filter(e -> e.getValue().get() >= properties.perEndpoint())
			.map(java.util.Map.Entry::getKey)
			.collect(Collectors.toSet());
		Instant now = clock.instant();
		List<DeliveryQueue.Claim> claims = queue.claim(now, now.plus(properties.lease()), capacity, busy);
		int dispatched = 0;
		for (DeliveryQueue.Claim claim : claims) {
			AtomicInteger count = inFlight.computeIfAbsent(claim.endpointId(), id -> new AtomicInteger());
			if (count.get() >= properties.perEndpoint() || !freeWorkers.tryAcquire()) {
				queue.release(claim);
				continue;
			}
			count.incrementAndGet();
			dispatched++;
			pool().execute(() -> attempt(claim));
		}
		leftOut = busy;
		mayHaveMore = claims.size() >= capacity || dispatched < claims.size();
		return dispatched;
	}

	private void attempt(DeliveryQueue.Claim claim) {
		try {
			worker.attempt(claim);
		}
		catch (RuntimeException ex) {
			// the lease runs out and the delivery is claimed again
			log.warn("Webhook delivery {} failed unexpectedly; it will be retried after its lease", claim.id(), ex);
		}
		finally {
			inFlight.computeIfPresent(claim.endpointId(), (id, count) -> count.decrementAndGet() <= 0 ? null : count);
			freeWorkers.release();
			// claim when half of the workers are free, not per freed worker: one claim transaction
			// for several deliveries under load (the poll interval covers the rest); and only when the
			// last claim may have left some due: each claim reads the dead index entries at the head of
			// delivery_due, and claims that found nothing were most of them (docs/performance.md)
			if (freeWorkers.availablePermits() >= wakeThreshold
					&& (mayHaveMore || leftOut.contains(claim.endpointId()))) {
				wakeUp();
			}
		}
	}

	private void await() {
		synchronized (signal) {
			if (!woken && running) {
				try {
					signal.wait(properties.pollInterval().toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					running = false;
				}
			}
			woken = false;
		}
	}

	private ExecutorService pool() {
		if (pool == null) {
			throw new IllegalStateException("not started");
		}
		return pool;
	}
}
