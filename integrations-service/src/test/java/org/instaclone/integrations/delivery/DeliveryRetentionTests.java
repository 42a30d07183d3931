package org.instaclone.integrations.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.integrations.Api;
import org.instaclone.integrations.ServiceTest;
import org.instaclone.integrations.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** Finished deliveries and their attempts go after the retention period; pending ones never. */
@ServiceTest
class DeliveryRetentionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	DeliveryRetention retention;

	final UUID owner = UUID.randomUUID();

	@AfterEach
	void tearDown() {
		clock.reset();
	}

	@Test
	void deletesFinishedDeliveriesAndTheirAttemptsPastRetentionInBatches() throws Exception {
		Api api = new Api(mvc, json);
		String app = api.registerApp(owner);
		String endpoint = api.createEndpoint(owner, app, List.of("instaclone.follow.created.v1")).get("id").asString();
		Instant now = clock.instant();
		// 2,500 delivered 20 days ago: more than two batches of 1,000
		insert(app, endpoint, "DELIVERED", now.minus(Duration.ofDays(20)), 2_500);
		insert(app, endpoint, "FAILED", now.minus(Duration.ofDays(20)), 3);
		insert(app, endpoint, "DELIVERED", now.minus(Duration.ofDays(5)), 4);
		insert(app, endpoint, "FAILED", now.minus(Duration.ofDays(5)), 5);
		// pending since long ago, due in a year: retention never touches pending work
		insert(app, endpoint, "PENDING", null, 6);

		retention.prune();
		assertThat(count(app, "DELIVERED")).isEqualTo(2_504);
		assertThat(count(app, "FAILED")).isEqualTo(8);

		clock.advance(Duration.ofDays(11)); // the 20-day-old ones are now 31 days old
		retention.prune();
		assertThat(count(app, "DELIVERED")).isEqualTo(4);
		assertThat(count(app, "FAILED")).isEqualTo(5);
		assertThat(count(app, "PENDING")).isEqualTo(6);
		assertThat(jdbc.sql("""
				select count(*) from delivery_attempt a join delivery d on d.id = a.delivery_id
				where d.app_id = ?::uuid""").param(app).query(Long.class).single()).isEqualTo(4 + 5 + 6);
		assertThat(jdbc.sql("select count(*) from delivery_attempt where delivery_id not in (select id from delivery)")
			.query(Long.class)
			.single()).isZero();

		clock.advance(Duration.ofDays(30));
		retention.prune();
		assertThat(count(app, "DELIVERED")).isZero();
		assertThat(count(app, "FAILED")).isZero();
		assertThat(count(app, "PENDING")).isEqualTo(6);
	}

	/** {@code n} deliveries with one attempt each, finished at {@code finished} (null: pending). */
	private void insert(String app, String endpoint, String status, Instant finished, int n) {
		Instant created = (finished == null ? clock.instant() : finished).minus(Duration.ofDays(60));
		jdbc.sql("""
				with d as (
				    insert into delivery (id, endpoint_id, app_id, event_id, event_type, payload, status, attempts,
				                          next_attempt_at, last_attempt_at, finished_at, created_at)
				    select gen_random_uuid(), :endpoint::uuid, :app::uuid, gen_random_uuid()::text,
				           'instaclone.follow.created.v1', '{}', :status, 1,
				           case when :status = 'PENDING' then :created + interval '425 days' end,
				           :created, :finished, :created
				    from generate_series(1, :n)
				    returning id, created_at)
				insert into delivery_attempt (id, delivery_id, attempted_at, status_code, latency_ms, outcome)
				select gen_random_uuid(), id, created_at, 200, 3, 'DELIVERED' from d""")
			.param("endpoint", endpoint)
			.param("app", app)
			.param("status", status)
			.param("created", created.atOffset(ZoneOffset.UTC))
			.param("finished", finished == null ? null : finished.atOffset(ZoneOffset.UTC))
			.param("n", n)
			.update();
	}

	private long count(String app, String status) {
		return jdbc.sql("select count(*) from delivery where app_id = ?::uuid and status = ?")
			.params(app, status)
			.query(Long.class)
			.single();
	}
}
