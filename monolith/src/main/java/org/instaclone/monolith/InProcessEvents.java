package org.instaclone.monolith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.instaclone.platform.events.EventConsumer;
import org.instaclone.platform.events.EventConsumers;
import org.instaclone.platform.events.EventSender;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The monolith's event transport, in place of Kafka. Each module's outbox relay hands it committed
 * events ({@link EventSender}); it calls every module's consumer for the topic, the very
 * {@link EventConsumer} methods the microservices' Kafka edge runs listener containers for (no broker,
 * no consumer, no container), and acknowledges the event to the relay once
 * every listener has taken it. So the outbox still marks an event sent only after it was consumed; a
 * crash before that re-sends it, and the listeners' idempotence ({@code processed_event}) absorbs the
 * repeat, as with Kafka.
 * <p>
 * One thread per topic keeps the topic's order (the microservices key by aggregate; one ordered lane
 * per topic is stricter). Each listener runs on that thread in its own module's transaction, never in
 * the producer's. A listener that throws is retried twice after 500 ms, like the microservices' error
 * handler, then the event is parked for that listener: logged at ERROR with its payload (Kafka would
 * put it on {@code <topic>-dlt}) and counted in {@link #deadLetters()}; the other listeners still get it.
 */
final class InProcessEvents implements EventSender, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(InProcessEvents.class);

	private static final int ATTEMPTS = 3;

	private final Duration backOff;

	private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();

	private final Map<String, ExecutorService> lanes = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> offsets = new ConcurrentHashMap<>();

	private final CountDownLatch open = new CountDownLatch(1);

	private final AtomicLong deadLetters = new AtomicLong();

	InProcessEvents(Duration backOff) {
		this.backOff = backOff;
	}

	/** One consumer of a topic: a module's {@code @EventConsumer} method. */
	interface Listener {

		String name();

		void accept(String payload) throws Exception;
	}

	void subscribe(String topic, Listener listener) {
		this.listeners.computeIfAbsent(topic, (t) -> new CopyOnWriteArrayList<>()).add(listener);
	}

	/**
	 * Subscribes every {@link EventConsumer} method of a module's context: the methods the
	 * microservice's Kafka edge runs a listener container for. A batch consumer gets a batch of one.
	 * @return how many consumers were subscribed
	 */
	int subscribeAll(String module, ConfigurableApplicationContext context) {
		List<EventConsumers.Endpoint> consumers = EventConsumers.in(context.getBeanFactory());
		for (EventConsumers.Endpoint consumer : consumers) {
			String name = module + "/" + consumer.name();
			subscribe(context.getEnvironment().resolvePlaceholders(consumer.topic()), new Listener() {

				@Override
				public String name() {
					return name;
				}

				@Override
				public void accept(String payload) {
					consumer.accept(payload);
				}
			});
		}
		return consumers.size();
	}

	/** Deliveries start once every module subscribed; until then sends wait (and the relays retry). */
	void open() {
		this.open.countDown();
	}

	long deadLetters() {
		return this.deadLetters.get();
	}

	@Override
	public CompletableFuture<?> send(String topic, String key, String payload) {
		ExecutorService lane = this.lanes.computeIfAbsent(topic, (t) -> Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "events-" + t);
			thread.setDaemon(true);
			return thread;
		}));
		long offset = this.offsets.computeIfAbsent(topic, (t) -> new AtomicLong()).getAndIncrement();
		return CompletableFuture.runAsync(() -> deliver(topic, offset, payload), lane);
	}

	private void deliver(String topic, long offset, String payload) {
		try {
			this.open.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted before delivery", ex);
		}
		for (Listener listener : this.listeners.getOrDefault(topic, List.of())) {
			for (int attempt = 1;; attempt++) {
				try {
					listener.accept(payload);
					break;
				}
				catch (Exception ex) {
					if (attempt < ATTEMPTS) {
						sleep(this.backOff);
						continue;
					}
					this.deadLetters.incrementAndGet();
					log.error("Parked event at {}/{} for {} after {} attempts (a microservice would send it to {}-dlt): {}",
							topic, offset, listener.name(), ATTEMPTS, topic, payload, ex);
					break;
				}
			}
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.lanes.values().forEach(ExecutorService::shutdown);
		for (ExecutorService lane : this.lanes.values()) {
			try {
				lane.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
