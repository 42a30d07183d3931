package org.instaclone.monolith;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.instaclone.platform.events.EventSender;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The monolith's event transport, in place of Kafka. Each module's outbox relay hands it committed
 * events ({@link EventSender}); it calls every module's listener for the topic, the very methods the
 * microservices' Kafka containers call (found by their {@code @KafkaListener} annotation, read here as
 * metadata only: no broker, no consumer, no container), and acknowledges the event to the relay once
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

	/** One consumer of a topic: a module's listener method. */
	interface Listener {

		String name();

		void accept(ConsumerRecord<String, String> record) throws Exception;
	}

	void subscribe(String topic, Listener listener) {
		this.listeners.computeIfAbsent(topic, (t) -> new CopyOnWriteArrayList<>()).add(listener);
	}

	/**
	 * Subscribes every {@code @KafkaListener} method of a module's context. A method takes what the
	 * microservice's container would pass: the value ({@code String}), the record, or a batch (a list of
	 * records; here a batch of one).
	 * @return how many listener methods were subscribed
	 */
	int subscribeAll(String module, ConfigurableApplicationContext context) {
		int found = 0;
		for (String name : context.getBeanDefinitionNames()) {
			Class<?> type = context.getType(name);
			if (type == null) {
				continue;
			}
			Map<Method, KafkaListener> methods = MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
					(MethodIntrospector.MetadataLookup<KafkaListener>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, KafkaListener.class));
			if (methods.isEmpty()) {
				continue;
			}
			Object bean = context.getBean(name);
			for (Map.Entry<Method, KafkaListener> entry : methods.entrySet()) {
				Method method = AopUtils.selectInvocableMethod(entry.getKey(), bean.getClass());
				ReflectionUtils.makeAccessible(method);
				String id = entry.getValue().id().isEmpty() ? name + "." + method.getName() : entry.getValue().id();
				for (String topic : entry.getValue().topics()) {
					subscribe(context.getEnvironment().resolvePlaceholders(topic),
							new MethodListener(module + "/" + id, bean, method));
					found++;
				}
			}
		}
		return found;
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
		return CompletableFuture.runAsync(() -> deliver(new ConsumerRecord<>(topic, 0, offset, key, payload)), lane);
	}

	private void deliver(ConsumerRecord<String, String> record) {
		try {
			this.open.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted before delivery", ex);
		}
		for (Listener listener : this.listeners.getOrDefault(record.topic(), List.of())) {
			for (int attempt = 1;; attempt++) {
				try {
					listener.accept(record);
					break;
				}
				catch (Exception ex) {
					if (attempt < ATTEMPTS) {
						sleep(this.backOff);
						continue;
					}
					this.deadLetters.incrementAndGet();
					log.error("Parked event at {}/{} for {} after {} attempts (a microservice would send it to {}-dlt): {}",
							record.topic(), record.offset(), listener.name(), ATTEMPTS, record.topic(), record.value(), ex);
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

	/** A {@code @KafkaListener} method, called as its Kafka container would call it. */
	private record MethodListener(String name, Object bean, Method method) implements Listener {

		@Override
		public void accept(ConsumerRecord<String, String> record) throws Exception {
			Class<?> parameter = this.method.getParameterTypes()[0];
			Object argument = parameter == String.class ? record.value()
					: List.class.isAssignableFrom(parameter) ? List.of(record) : record;
			try {
				this.method.invoke(this.bean, argument);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause() instanceof Exception cause ? cause : ex;
			}
		}
	}
}
