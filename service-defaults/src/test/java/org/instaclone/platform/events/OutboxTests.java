package org.instaclone.platform.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.testsupport.EmbeddedInfrastructure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox on real PostgreSQL with the platform migrations, one schema for this class. */
class OutboxTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static JdbcClient jdbc;

	static TransactionTemplate tx;

	static Outbox outbox;

	@BeforeAll
	static void schema() {
		String schema = "outbox_tests_" + Long.toHexString(System.nanoTime());
		DataSource postgres = EmbeddedInfrastructure.postgres().getPostgresDatabase();
		Flyway.configure().dataSource(postgres).schemas(schema).locations("classpath:db/platform").load().migrate();
		DataSource dataSource = new DelegatingDataSource(postgres) {
			@Override
			public Connection getConnection() throws SQLException {
				Connection connection = super.getConnection();
				connection.setSchema(schema);
				return connection;
			}
		};
		jdbc = JdbcClient.create(dataSource);
		tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		outbox = new Outbox(jdbc, json, "/outbox-tests");
	}

	record Data(String name, int n) {
	}

	@Test
	void appendAllStoresEveryEventInOrderAsTheCloudEventsAppendWould() {
		String topic = "t-" + UUID.randomUUID();
		List<Outbox.Event> events = List.of(new Outbox.Event(topic, "k1", "test.a.v1", "s1", new Data("a", 1)),
				new Outbox.Event(topic, "k2", "test.b.v1", "s2", new Data("b", 2)),
				new Outbox.Event(topic, "k1", "test.a.v1", "s3", new Data("c", 3)));

		List<UUID> ids = tx.execute(status -> outbox.appendAll(events));
		UUID single = tx.execute(status -> outbox.append(topic, "k3", "test.c.v1", "s4", new Data("d", 4)));

		List<Map<String, Object>> rows = jdbc
			.sql("select id, msg_key, payload, sent_at from outbox_event where topic = ? order by position")
			.param(topic)
			.query()
			.listOfRows();
		assertThat(rows).extracting(r -> r.get("id")).containsExactly(ids.get(0), ids.get(1), ids.get(2), single);
		assertThat(rows).extracting(r -> r.get("msg_key")).containsExactly("k1", "k2", "k1", "k3");
		assertThat(rows).allSatisfy(r -> assertThat(r.get("sent_at")).isNull());
		JsonNode second = json.readTree((String) rows.get(1).get("payload"));
		assertThat(second.get("specversion").asString()).isEqualTo("1.0");
		assertThat(second.get("id").asString()).isEqualTo(ids.get(1).toString());
		assertThat(second.get("source").asString()).isEqualTo("/outbox-tests");
		assertThat(second.get("type").asString()).isEqualTo("test.b.v1");
		assertThat(second.get("subject").asString()).isEqualTo("s2");
		assertThat(second.get("data").get("name").asString()).isEqualTo("b");
		assertThat(second.get("data").get("n").asInt()).isEqualTo(2);
		// the same envelope, field for field, as a single append
		JsonNode fourth = json.readTree((String) rows.get(3).get("payload"));
		assertThat(List.copyOf(second.propertyNames())).containsExactlyElementsOf(fourth.propertyNames());
	}

	@Test
	void appendAllOfNothingWritesNothing() {
		List<UUID> ids = tx.execute(status -> outbox.appendAll(List.of()));
		assertThat(ids).isEmpty();
	}

	@Test
	void appendedEventsRollBackWithTheTransaction() {
		String topic = "t-" + UUID.randomUUID();
		assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
			outbox.appendAll(List.of(new Outbox.Event(topic, "k", "test.a.v1", "s", new Data("a", 1))));
			throw new IllegalStateException("the business change failed");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(jdbc.sql("select count(*) from outbox_event where topic = ?").param(topic).query(Long.class).single())
			.isZero();
	}
}
