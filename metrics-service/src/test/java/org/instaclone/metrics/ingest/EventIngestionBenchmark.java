package org.instaclone.metrics.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.metrics.MetricsApplication;
import org.instaclone.testsupport.EmbeddedInfrastructure;
import org.instaclone.testsupport.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Benchmark, not a test (run with {@code BENCHMARK=events metrics-service/benchmark.sh}; see
 * docs/performance.md). Starts metrics-service on embedded PostgreSQL
 * and Kafka, stops the {@code metrics.ads} listener, publishes {@code -Devents=200000} ad events
 * (impressions over 1,000 campaigns, 1 in 50 a click, within the last hour) to {@code ads}, starts
 * the listener and measures how fast they are counted (events/s from the first to the last counted
 * event). Then publishes the same events again (a replay: same ids) and measures how fast they are
 * recognised as duplicates. Fails unless every event is counted exactly once.
 */
public final class EventIngestionBenchmark {

	private EventIngestionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int events = Integer.getInteger("events", 200_000);
		Map.of("spring.datasource.url", EmbeddedInfrastructure.jdbcUrl(), "spring.datasource.username", "postgres",
				"spring.datasource.password", "postgres", "spring.kafka.bootstrap-servers",
				EmbeddedInfrastructure.kafkaBootstrapServers(), "instaclone.security.jwks-uri", TestTokens.jwksUri(),
				"instaclone.security.issuer", TestTokens.ISSUER, "instaclone.security.audience", TestTokens.AUDIENCE,
				"server.port", "0", "logging.level.root", "warn")
			.forEach(System::setProperty); // above application.yml, as in the tests
		// the benchmark publishes the events itself: patient producer (the services' fails fast for the outbox)
		Map.of("spring.kafka.producer.properties.delivery.timeout.ms", "300000",
				"spring.kafka.producer.properties.request.timeout.ms", "60000",
				"spring.kafka.producer.properties.max.block.ms", "60000", "spring.kafka.producer.properties.linger.ms", "20")
			.forEach(System::setProperty);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(MetricsApplication.class).run(args);
		try {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
			@SuppressWarnings("unchecked")
			KafkaTemplate<String, String> kafka = context.getBean(KafkaTemplate.class);
			JsonMapper json = context.getBean(JsonMapper.class);
			MessageListenerContainer ads = context.getBean(KafkaListenerEndpointRegistry.class)
				.getListenerContainer("metrics.ads");
			List<ProducerRecord<String, String>> records = records(events, json);
			System.out.printf("events=%d cpus=%d%n", events, Runtime.getRuntime().availableProcessors());

			double first;
			double replay;
			long impressions;
			try (Admin admin = Admin.create(context.getBean(KafkaAdmin.class).getConfigurationProperties())) {
				kafka.send(records.get(0)).get(); // the topic exists and the listener has joined before timing
				Thread.sleep(5_000);
				first = run("first delivery", ads, kafka, records, jdbc, events - 1, admin);
				impressions = impressions(jdbc);
				replay = run("replay", ads, kafka, records, jdbc, 0, admin);
			}
			if (impressions(jdbc) != impressions) {
				throw new IllegalStateException("the replay changed the counters");
			}
			long expected = records.stream().filter(r -> r.value().contains("impression-recorded")).count();
			if (impressions != expected) {
				throw new IllegalStateException("counted " + impressions + " impressions, published " + expected);
			}
			System.out.printf("RESULT events: first delivery %.0f events/s, replay %.0f events/s, counted %d impressions once%n",
					first, replay, impressions);
		}
		finally {
			context.close();
			System.exit(0); // the embedded broker and database have no other way to stop promptly
		}
	}

	/**
	 * Publishes the records with the listener stopped, then times the listener working through them:
	 * progress is the consumer group's committed offsets on {@code ads} (committed after each poll's
	 * transaction), from the first commit that moves to the one that reaches the end of the topic.
	 */
	private static double run(String name, MessageListenerContainer ads, KafkaTemplate<String, String> kafka,
			List<ProducerRecord<String, String>> records, JdbcTemplate jdbc, int newEvents, Admin admin)
			throws Exception {
		ads.stop();
		long committedBefore = committed(admin);
		records.forEach(kafka::send);
		kafka.flush();
		long end = endOffsets(admin);
		long processedBefore = processed(jdbc);
		ads.start();
		long start = 0;
		long startOffset = 0;
		long now;
		while ((now = committed(admin)) < end) {
			if (start == 0 && now > committedBefore) {
				start = System.nanoTime();
				startOffset = now;
			}
			Thread.sleep(5);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long counted = processed(jdbc) - processedBefore;
		if (counted != newEvents) {
			throw new IllegalStateException(name + ": " + counted + " new event ids, expected " + newEvents);
		}
		double rate = (end - startOffset) / seconds;
		System.out.printf("%s: %d events, %d timed in %.2f s = %.0f events/s%n", name, records.size(),
				end - startOffset, seconds, rate);
		return rate;
	}

	private static long committed(Admin admin) throws Exception {
		return admin.listConsumerGroupOffsets("metrics-service")
			.partitionsToOffsetAndMetadata()
			.get()
			.entrySet()
			.stream()
			.filter(e -> e.getKey().topic().equals("ads") && e.getValue() != null)
			.mapToLong(e -> e.getValue().offset())
			.sum();
	}

	private static long endOffsets(Admin admin) throws Exception {
		Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
		admin.describeTopics(List.of("ads"))
			.allTopicNames()
			.get()
			.get("ads")
			.partitions()
			.forEach(p -> latest.put(new TopicPartition("ads", p.partition()), OffsetSpec.latest()));
		return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
	}

	private static long processed(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select count(*) from processed_event where consumer = 'metrics.ads'", Long.class);
	}

	private static long impressions(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select coalesce(sum(value), 0) from rollup where metric = 'ad-impressions' "
				+ "and subject_id = '00000000-0000-0000-0000-000000000000' and grain = 'day'", Long.class);
	}

	private static List<ProducerRecord<String, String>> records(int n, JsonMapper json) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		UUID[] campaigns = new UUID[1_000];
		java.util.Arrays.setAll(campaigns, i -> UUID.randomUUID());
		Instant now = Instant.now();
		List<ProducerRecord<String, String>> records = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			UUID campaign = campaigns[random.nextInt(campaigns.length)];
			boolean click = random.nextInt(50) == 0;
			Instant at = now.minusMillis(random.nextInt(3_600_000));
			Map<String, Object> data = click
					? Map.of("impressionId", UUID.randomUUID().toString(), "campaignId", campaign.toString(), "at",
							at.toString())
					: Map.of("impressionId", UUID.randomUUID().toString(), "campaignId", campaign.toString(),
							"costMillicents", 250, "at", at.toString());
			records.add(record(json, campaign, UUID.randomUUID().toString(),
					click ? "instaclone.ad.clicked.v1" : "instaclone.ad.impression-recorded.v1", at, data));
		}
		return records;
	}

	private static ProducerRecord<String, String> record(JsonMapper json, UUID key, String id, String type, Instant at,
			Map<String, Object> data) {
		Map<String, Object> event = new java.util.LinkedHashMap<>();
		event.put("id", id);
		event.put("specversion", "1.0");
		event.put("source", "/ads-service");
		event.put("type", type);
		event.put("subject", key.toString());
		event.put("time", at.toString());
		event.put("datacontenttype", "application/json");
		event.put("data", data);
		ProducerRecord<String, String> record = new ProducerRecord<>("ads", key.toString(), json.writeValueAsString(event));
		record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
		return record;
	}
}
