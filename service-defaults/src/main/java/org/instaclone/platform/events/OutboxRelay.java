package org.instaclone.platform.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends committed outbox rows through the {@link EventSender} (Kafka in a microservice, in-process in
 * the monolith twin) and marks them sent only after it acknowledged them (Kafka: {@code acks=all},
 * idempotent producer). Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * several instances relay side by side without sending a row twice. When the broker is unreachable
 * the rows stay unsent and the next tick retries: an outage delays events, never loses them.
 */
class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final EventSender sender;

	private final TransactionTemplate tx;

	private final OutboxProperties properties;

	OutboxRelay(JdbcClient jdbc, EventSender sender, TransactionTemplate tx, OutboxProperties properties) {
		this.jdbc = jdbc;
		this.sender = sender;
		this.tx = tx;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${instaclone.outbox.relay-interval:200ms}")
	void relayPending() {
		int sent;
		do {
			Integer batch = tx.execute(status -> relayBatch());
			sent = batch == null ? 0 : batch;
		}
		while (sent == properties.batchSize());
	}

	/** Sends one batch; returns how many rows were marked sent. */
	int relayBatch() {
		List<Row> rows = jdbc.sql("""
				select position, id, topic, msg_key, payload from outbox_event
				where sent_at is null order by position limit ? for update skip locked""")
			.param(properties.batchSize())
			.query((rs, n) -> new Row(rs.getLong("position"), rs.getObject("id", UUID.class), rs.getString("topic"),
					rs.getString("msg_key"), rs.getString("payload")))
			.list();
		if (rows.isEmpty()) {
			return 0;
		}
		List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
		for (Row row : rows) {
			sends.add(sender.send(row.topic(), row.key(), row.payload()));
		}
		long[] acknowledged = new long[rows.size()];
		int sent = 0;
		for (int i = 0; i < rows.size(); i++) {
			try {
				sends.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
				acknowledged[sent++] = rows.get(i).position();
			}
			catch (Exception ex) {
				// Keep order: stop at the first failure; this and later rows are retried on the next tick.
				Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
				log.warn("Outbox relay could not send event {} to '{}' ({}); will retry", rows.get(i).id(),
						rows.get(i).topic(), cause.toString());
				jdbc.sql("update outbox_event set attempts = attempts + 1, last_error = left(?, 500) where id = ?")
					.params(cause.toString(), rows.get(i).id())
					.update();
				break;
			}
		}
		if (sent > 0) {
			// one array parameter (a bigint[]), not an IN list of up to batch-size parameters: the same
			// short statement every time, planned once per connection
			jdbc.sql("update outbox_event set sent_at = now() where position = any(?)")
				.param(Arrays.copyOf(acknowledged, sent))
				.update();
		}
		return sent == rows.size() ? rows.size() : -1;
	}

	@Scheduled(fixedDelayString = "${instaclone.outbox.cleanup-interval:10m}")
	void deleteSent() {
		int deleted = jdbc.sql("delete from outbox_event where sent_at < now() - cast(? as interval)")
			.param(properties.retention().toSeconds() + " seconds")
			.update();
		if (deleted > 0) {
			log.debug("Deleted {} sent outbox events", deleted);
		}
	}

	private record Row(long position, UUID id, String topic, String key, String payload) {
	}
}
