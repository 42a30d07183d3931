package org.instaclone.metrics.view;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bounded memory and back-pressure, with a store that can be held up or broken. */
class ViewIngestionTests {

	final CountDownLatch release = new CountDownLatch(1);

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	ViewIngestion ingestion;

	@AfterEach
	void stop() {
		release.countDown();
		ingestion.stop();
	}

	@Test
	void aFullQueueRefusesMoreViewsInsteadOfDroppingThem() throws Exception {
		HeldUpStore store = new HeldUpStore();
		ingestion = start(store, 150);
		CompletableFuture<Void> first = ingestion.submit(rows(100));
		assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue(); // the writer holds 100 views
		assertThatThrownBy(() -> ingestion.submit(rows(51))).isInstanceOf(ViewsBusyException.class)
			.satisfies(ex -> assertThat(((ViewsBusyException) ex).retryAfter()).isPositive());
		CompletableFuture<Void> second = ingestion.submit(rows(50)); // fits exactly
		assertThat(meters.get("views.ingest.queued").gauge().value()).isEqualTo(150);

		release.countDown();
		first.get(5, TimeUnit.SECONDS);
		second.get(5, TimeUnit.SECONDS);
		assertThat(store.written).isEqualTo(150);
		assertThat(meters.get("views.ingest.events").tag("outcome", "rejected").counter().count()).isEqualTo(51);
		ingestion.submit(rows(150)).get(5, TimeUnit.SECONDS); // room again once written
	}

	@Test
	void aFailedWriteIsReportedToEveryWaitingRequest() {
		ingestion = start(new ViewStore(new JdbcTemplate()) {
			@Override
			int write(List<Row> rows) {
				throw new IllegalStateException("database down");
			}
		}, 1000);
		assertThatThrownBy(() -> ingestion.record(UUID.randomUUID(),
				List.of(new ViewBatch.View(UUID.randomUUID(), UUID.randomUUID(), Instant.now()))))
			.isInstanceOf(ViewsBusyException.class);
		assertThat(meters.get("views.ingest.events").tag("outcome", "failed").counter().count()).isEqualTo(1);
		assertThat(meters.get("views.ingest.queued").gauge().value()).isZero();
	}

	private ViewIngestion start(ViewStore store, int capacity) {
		ViewIngestion started = new ViewIngestion(store, new ViewProperties(Duration.ofHours(24), Duration.ofMinutes(5),
				capacity, 100, 1, Duration.ofSeconds(2), Duration.ofHours(1)), meters);
		started.start();
		return started;
	}

	private static List<ViewStore.Row> rows(int n) {
		return IntStream.range(0, n)
			.mapToObj(i -> new ViewStore.Row(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Instant.now()))
			.toList();
	}

	/** Blocks the first write until the test releases it. */
	class HeldUpStore extends ViewStore {

		final CountDownLatch entered = new CountDownLatch(1);

		volatile int written;

		HeldUpStore() {
			super(new JdbcTemplate());
		}

		@Override
		int write(List<Row> rows) {
			entered.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			written += rows.size();
			return rows.size();
		}
	}
}
