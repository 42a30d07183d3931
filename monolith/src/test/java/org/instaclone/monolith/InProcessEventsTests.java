package org.instaclone.monolith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.instaclone.platform.events.EventConsumer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InProcessEventsTests {

	private final InProcessEvents events = new InProcessEvents(Duration.ofMillis(1));

	@Test
	void nothingIsDeliveredOrAcknowledgedBeforeEveryModuleSubscribed() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		this.events.subscribe("follows", listener("upload", seen::add));
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
		this.events.subscribe("follows", listener("upload", upload::add));
		this.events.subscribe("follows", listener("metrics", metrics::add));
		this.events.subscribe("posts", listener("metrics", other::add));
		this.events.open();

		this.events.send("follows", "a", "1");
		this.events.send("follows", "b", "2").get(5, TimeUnit.SECONDS);

		assertThat(upload).containsExactly("1", "2");
		assertThat(metrics).containsExactly("1", "2");
		assertThat(other).isEmpty();
	}

	@Test
	void aListenerThatKeepsFailingIsRetriedThenTheEventIsParkedForItAlone() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		List<String> healthy = new CopyOnWriteArrayList<>();
		this.events.subscribe("users", listener("broken", (payload) -> {
			attempts.incrementAndGet();
			throw new IllegalArgumentException("poison");
		}));
		this.events.subscribe("users", listener("healthy", healthy::add));
		this.events.open();

		this.events.send("users", "k", "bad").get(5, TimeUnit.SECONDS);

		assertThat(attempts).hasValue(3);
		assertThat(this.events.deadLetters()).isEqualTo(1);
		assertThat(healthy).containsExactly("bad");
	}

	@Test
	void aListenerThatFailsOnceGetsTheEventAgain() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		this.events.subscribe("posts", listener("flaky", (payload) -> {
			if (attempts.incrementAndGet() == 1) {
				throw new IllegalStateException("database blip");
			}
		}));
		this.events.open();

		this.events.send("posts", "k", "p").get(5, TimeUnit.SECONDS);

		assertThat(attempts).hasValue(2);
		assertThat(this.events.deadLetters()).isZero();
	}

	@Test
	void aModuleContextsEventConsumersAreSubscribedOneEventOrABatchOfOneAtATime() throws Exception {
		try (AnnotationConfigApplicationContext module = new AnnotationConfigApplicationContext(Consumers.class)) {
			assertThat(this.events.subscribeAll("upload", module)).isEqualTo(2);
			this.events.open();

			this.events.send("follows", "k", "f1").get(5, TimeUnit.SECONDS);
			this.events.send("posts", "k", "p1").get(5, TimeUnit.SECONDS);

			Consumers consumers = module.getBean(Consumers.class);
			assertThat(consumers.follows).containsExactly("f1");
			assertThat(consumers.postBatches).containsExactly(List.of("p1"));
		}
	}

	static class Consumers {

		final List<String> follows = new CopyOnWriteArrayList<>();

		final List<List<String>> postBatches = new CopyOnWriteArrayList<>();

		@EventConsumer(name = "test.follows", topic = "follows")
		void onFollow(String payload) {
			this.follows.add(payload);
		}

		@EventConsumer(name = "test.posts", topic = "posts")
		void onPosts(List<String> payloads) {
			this.postBatches.add(payloads);
		}
	}

	interface Body {

		void accept(String payload) throws Exception;
	}

	private static InProcessEvents.Listener listener(String name, Body body) {
		return new InProcessEvents.Listener() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public void accept(String payload) throws Exception {
				body.accept(payload);
			}
		};
	}
}
