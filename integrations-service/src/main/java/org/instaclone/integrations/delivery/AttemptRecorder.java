package org.instaclone.integrations.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.instaclone.integrations.egress.WebhookSender;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Records attempts in batches: workers hand over the outcome and go back to sending, one thread writes
 * up to {@value #BATCH} outcomes per transaction ({@link Deliveries#recordAttempts}) instead of one
 * transaction (and some eight round trips) per attempt. Until its outcome is recorded, a delivery stays
 * claimed (its lease), so nobody sends it again meanwhile; if the instance dies first, it is sent again
 * after the lease with the same {@code webhook-id}, as at-least-once allows. A full queue makes workers
 * wait (back-pressure). A batch that fails is recorded one by one, so one bad row does not hold up
 * the others. Stops after the scheduler (lower phase) and records what is left.
 */
@Component
class AttemptRecorder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);

	static final int BATCH = 200;

	private final Deliveries deliveries;

	private final BlockingQueue<Outcome> queue = new ArrayBlockingQueue<>(4 * BATCH);

	private volatile boolean running;

	private @Nullable Thread thread;

	AttemptRecorder(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	/** An attempt's outcome, to record. */
	record Outcome(UUID deliveryId, UUID ownerId, Instant at, WebhookSender.Response response) {
	}

	/** Queues an outcome; waits while the queue is full. Records it at once when not running. */
	void record(Outcome outcome) {
		if (!running) {
			deliveries.recordAttempts(List.of(outcome));
			return;
		}
		try {
			queue.put(outcome);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			deliveries.recordAttempts(List.of(outcome));
		}
	}

	@Override
	public void start() {
		running = true;
		Thread t = new Thread(this::run, "webhook-recorder");
		t.setDaemon(true);
		thread = t;
		t.start();
	}

	@Override
	public void stop() {
		running = false;
		Thread t = thread;
		if (t != null) {
			try {
				t.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		List<Outcome> rest = new ArrayList<>();
		queue.drainTo(rest);
		if (!rest.isEmpty()) {
			write(rest);
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Starts before and stops after {@link DeliveryScheduler}, whose workers feed it. */
	@Override
	public int getPhase() {
		return DEFAULT_PHASE - 1;
	}

	private void run() {
		List<Outcome> batch = new ArrayList<>(BATCH);
		while (running || !queue.isEmpty()) {
			try {
				Outcome first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, BATCH - 1);
				write(batch);
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

	private void write(List<Outcome> batch) {
		try {
			deliveries.recordAttempts(batch);
		}
		catch (RuntimeException ex) {
			log.warn("Recording {} webhook attempts together failed; recording them one by one", batch.size(), ex);
			for (Outcome outcome : batch) {
				try {
					deliveries.recordAttempts(List.of(outcome));
				}
				catch (RuntimeException single) {
					// the delivery stays claimed until its lease ends, then is attempted again
					log.warn("Recording the attempt of webhook delivery {} failed", outcome.deliveryId(), single);
				}
			}
		}
	}
}
