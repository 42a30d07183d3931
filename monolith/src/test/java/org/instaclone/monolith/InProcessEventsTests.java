package org.instaclone.monolith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InProcessEventsTests {

	private final InProcessEvents events = new InProcessEvents(Duration.ofMillis(1));

	@Test
	void nothingIsDeliveredOrAcknowledgedBeforeEveryModuleSubscribed() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		this.events.subscribe("follows", listener("upload", (record) -> seen.add(record.value())));
		CompletableFuture<?> sent = this.events.send("follows", "k", "one");

		assertThatExceptionOfType(TimeoutException.class).isThrownBy(() -> sent.get(200, TimeUnit.MILLISECONDS));
		assertThat(seen).isEmpty();

		this.events.open();
		sent.get(5, TimeUnit.SECONDS);
		assertThat(seen).containsExactly("one");
	}

	@Test
	void everyListenerOfTheTopicGetsEachEventInOrderBeforeItIsAcknowledged() throws Exception {
		List<String> upload = new CopyOnWriteArrayList<>();
		List<String> metrics = new CopyOnWriteArrayList<>();
		List<String> other = new CopyOnWriteArrayList<>();
		this.events.subscribe("follows", listener("upload", (record) -> upload.add(record.key() + ":" + record.value())));
		this.events.subscribe("follows", listener("metrics", (record) -> metrics.add(record.value())));
		this.events.subscribe("posts", listener("metrics", (record) -> other.add(record.value())));
		this.events.open();

		this.events.send("follows", "a", "1");
		this.events.send("follows", "b", "2").get(5, TimeUnit.SECONDS);

		assertThat(upload).containsExactly("a:1", "b:2");
		assertThat(metrics).containsExactly("1", "2");
		assertThat(other).isEmpty();
	}

	@Test
	void aListenerThatKeepsFailingIsRetriedThenTheEventIsParkedForItAlone() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		List<String> healthy = new CopyOnWriteArrayList<>();
		this.events.subscribe("users", listener("broken", (record) -> {
			attempts.incrementAndGet();
			throw new IllegalArgumentException("poison");
		}));
		this.events.subscribe("users", listener("healthy", (record) -> healthy.add(record.value())));
		this.events.open();

		this.events.send("users", "k", "bad").get(5, TimeUnit.SECONDS);

		assertThat(attempts).hasValue(3);
		assertThat(this.events.deadLetters()).isEqualTo(1);
		assertThat(healthy).containsExactly("bad");
	}

	@Test
	void aListenerThatFailsOnceGetsTheEventAgain() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		this.events.subscribe("posts", listener("flaky", (record) -> {
			if (attempts.incrementAndGet() == 1) {
				throw new IllegalStateException("database blip");
			}
		}));
		this.events.open();

		this.events.send("posts", "k", "p").get(5, TimeUnit.SECONDS);

		assertThat(attempts).hasValue(2);
		assertThat(this.events.deadLetters()).isZero();
	}

	interface Body {

		void accept(ConsumerRecord<String, String> record) throws Exception;
	}

	private static InProcessEvents.Listener listener(String name, Body body) {
		return new InProcessEvents.Listener() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public void accept(ConsumerRecord<String, String> record) throws Exception {
				body.accept(record);
			}
		};
	}
}
