package org.instaclone.integrations.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.integrations.Api;
import org.instaclone.integrations.WebhookReceiver;
import org.instaclone.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.awaitility.Awaitility.await;

/**
 * Webhook fan-out throughput and latency, not part of the build. {@code bench.rate} follow events per
 * second (default 200) for {@code bench.seconds} (default 60) go to Kafka; each concerns one owner whose
 * app has 5 endpoints on 127.0.0.1, so each becomes 5 deliveries. Latency is measured from the commit
 * of the fan-out transaction ({@code delivery.created_at}) to the receiver reading the request.
 * Production delivery settings (32 workers, 8 per endpoint), loopback allowed for the receivers.
 * Run:
 * <pre>
 * ./mvnw -o -pl integrations-service -am install -DskipTests
 * ./mvnw -o -pl integrations-service -Pbenchmark test-compile surefire:test -Dtest=DeliveryBenchmark -Dbenchmark=true [-Dbench.rate=200 -Dbench.seconds=60 -Dbench.warmup-seconds=90]
 * </pre>
 * Results go to stdout and {@code integrations-service/target/delivery-benchmark.txt}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBootTest(properties = { "instaclone.integrations.egress.allowed-networks=127.0.0.0/8",
		"instaclone.integrations.endpoints.allow-dev-key=true",
		"logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN" })
@AutoConfigureMockMvc
@Import(TestInfrastructure.class)
class DeliveryBenchmark {

	static final String TYPE = "instaclone.follow.created.v1";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fanOutToFiveLocalEndpoints() throws Exception {
		int rate = Integer.getInteger("bench.rate", 200);
		int seconds = Integer.getInteger("bench.seconds", 60);
		UUID owner = UUID.randomUUID();
		Api api = new Api(mvc, json);
		String app = api.registerApp(owner);
		List<WebhookReceiver> receivers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			WebhookReceiver receiver = new WebhookReceiver(true); // ids and times only: see its javadoc
			receivers.add(receiver);
			api.createEndpoint(owner, app, List.of(TYPE), receiver.url());
		}
		// warm-up, not measured: connection pools, Kafka consumer assignment, and the JIT: on this 2-core
		// machine C2 still compiled for 16-23 s of the minute after a 30 s warm-up, 5-8 s after 90 s
		// (docs/performance.md); a long-running service is past that
		int warmupSeconds = Integer.getInteger("bench.warmup-seconds", 90);
		send(owner, 50);
		await().atMost(Duration.ofSeconds(60)).until(() -> total(receivers) >= 250);
		int warmSent = sendAtRate(owner, rate, warmupSeconds);
		await().atMost(Duration.ofSeconds(warmupSeconds * 4L + 60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> total(receivers) >= 250 + warmSent * 5);
		int warm = total(receivers);
		String loadAtStart = loadAverage();
		int postgresPort = Integer.parseInt(jdbc.sql("select current_setting('port')").query(String.class).single());
		CpuTimes cpuAtStart = CpuTimes.now(postgresPort);
		QueueStats statsAtStart = QueueStats.now(jdbc);
		Map<String, Long> threadsAtStart = ThreadCpu.ticks();
		Instant warmEnd = Instant.now();

		Instant start = Instant.now();
		int sent = sendAtRate(owner, rate, seconds);
		Instant sendEnd = Instant.now();
		int expected = warm + sent * 5;
		long[] lastPrint = { 0 };
		await().atMost(Duration.ofSeconds(seconds * 4L + 60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (System.nanoTime() - lastPrint[0] > 5_000_000_000L) {
				lastPrint[0] = System.nanoTime();
				System.out.printf("progress: %d of %d deliveries recorded, %d received%n",
						jdbc.sql("select count(*) from delivery where app_id = ?::uuid").param(app).query(Long.class).single(),
						expected, total(receivers));
			}
			return total(receivers) >= expected;
		});
		Instant drained = Instant.now();
		CpuTimes cpu = CpuTimes.now(postgresPort).minus(cpuAtStart);
		String threadCpu = ThreadCpu.since(threadsAtStart, sent * 5);
		Thread.sleep(1000); // backends report their statistics about once a second
		QueueStats stats = QueueStats.now(jdbc).minus(statsAtStart);

		Map<String, Instant> created = new HashMap<>();
		jdbc.sql("select id, created_at from delivery where app_id = ?::uuid and created_at >= ?")
			.param(app)
			.param(java.sql.Timestamp.from(warmEnd))
			.query((rs, n) -> created.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
		List<Long> latenciesMs = new ArrayList<>();
		int duplicates = 0;
		Map<String, Integer> seen = new HashMap<>();
		for (WebhookReceiver receiver : receivers) {
			for (WebhookReceiver.Received r : receiver.received()) {
				Instant at = created.get(r.header("webhook-id"));
				if (at != null) {
					if (seen.merge(r.header("webhook-id"), 1, Integer::sum) > 1) {
						duplicates++;
					}
					latenciesMs.add(Duration.between(at, r.at()).toMillis());
				}
			}
		}
		latenciesMs.sort(null);
		double sendSeconds = Duration.between(start, sendEnd).toMillis() / 1000.0;
		double drainSeconds = Duration.between(start, drained).toMillis() / 1000.0;
		String result = """
				delivery benchmark, %s, load average at start %s, at end %s (after %d s of warm-up at the same rate)
				offered: %d events in %.1f s (%.0f events/s) -> %d deliveries to 5 endpoints on 127.0.0.1
				delivered: %d measured, %d duplicates; all delivered %.1f s after the first event (%.0f deliveries/s overall)
				latency commit -> received, ms: p50 %d, p90 %d, p99 %d, max %d
				CPU until all delivered: benchmark JVM %.1f s, PostgreSQL %.1f s (%.2f ms per delivery together); machine busy %.1f of %.1f core-seconds, so %.1f s for everything else
				JVM by thread: %s
				%s
				""".formatted(Instant.now(), loadAtStart, loadAverage(), warmupSeconds, sent, sendSeconds, sent / sendSeconds, sent * 5, latenciesMs.size(),
				duplicates, drainSeconds, latenciesMs.size() / drainSeconds, pct(latenciesMs, 0.50),
				pct(latenciesMs, 0.90), pct(latenciesMs, 0.99), latenciesMs.get(latenciesMs.size() - 1), cpu.jvm(),
				cpu.postgres(), (cpu.jvm() + cpu.postgres()) * 1000 / (sent * 5), cpu.machine(),
				drainSeconds * Runtime.getRuntime().availableProcessors(), cpu.machine() - cpu.jvm() - cpu.postgres(),
				threadCpu, stats);
		System.out.println(result);
		Files.writeString(Path.of("target/delivery-benchmark.txt"), result, StandardCharsets.UTF_8);
		receivers.forEach(WebhookReceiver::close);
	}

	/** Sends {@code rate} events a second for {@code seconds}; returns how many. */
	private int sendAtRate(UUID owner, int rate, int seconds) throws Exception {
		long interval = 1_000_000_000L / rate;
		long next = System.nanoTime();
		int sent = 0;
		while (sent < rate * seconds) {
			long now = System.nanoTime();
			while (next <= now && sent < rate * seconds) {
				send(owner, 1);
				sent++;
				next += interval;
			}
			kafka.flush();
			Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
		}
		return sent;
	}

	private void send(UUID owner, int count) throws Exception {
		for (int i = 0; i < count; i++) {
			String id = UUID.randomUUID().toString();
			String payload = json.writeValueAsString(Map.of("specversion", "1.0", "id", id, "source",
					"/follow-service", "type", TYPE, "subject", owner.toString(), "time", Instant.now().toString(),
					"datacontenttype", "application/json", "data",
					Map.of("followerId", UUID.randomUUID().toString(), "followeeId", owner.toString())));
			ProducerRecord<String, String> record = new ProducerRecord<>("follows", id, payload);
			record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
			kafka.send(record);
		}
	}

	/**
	 * CPU seconds used so far (Linux {@code /proc}): by this JVM (the service, Kafka, the receivers), by
	 * the embedded PostgreSQL (the postmaster listening on {@code port} and its current children, so
	 * backends that exited meanwhile are missed), and by the whole machine (busy time of all cores).
	 */
	record CpuTimes(double jvm, double postgres, double machine) {

		static CpuTimes now(int port) {
			double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
				.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
			return new CpuTimes(jvm, postgresSeconds(port), machineSeconds());
		}

		CpuTimes minus(CpuTimes earlier) {
			return new CpuTimes(jvm - earlier.jvm, postgres - earlier.postgres, machine - earlier.machine);
		}

		private static double postgresSeconds(int port) {
			Map<Long, long[]> processes = new HashMap<>(); // pid -> {ppid, utime + stime}
			long postmaster = -1;
			try (var dirs = Files.list(Path.of("/proc"))) {
				for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
					try {
						String stat = Files.readString(dir.resolve("stat"));
						String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						long pid = Long.parseLong(dir.getFileName().toString());
						processes.put(pid, new long[] { Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]) });
						String cmd = Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
						if (cmd.contains("bin/postgres") && cmd.contains(" -p " + port + " ")) {
							postmaster = pid;
						}
					}
					catch (java.io.IOException | RuntimeException gone) {
						// the process ended meanwhile
					}
				}
			}
			catch (java.io.IOException ex) {
				return Double.NaN;
			}
			long ticks = 0;
			for (Map.Entry<Long, long[]> p : processes.entrySet()) {
				if (p.getKey() == postmaster || p.getValue()[0] == postmaster) {
					ticks += p.getValue()[1];
				}
			}
			return postmaster < 0 ? Double.NaN : ticks / 100.0; // USER_HZ
		}

		private static double machineSeconds() {
			try {
				String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
				long total = 0;
				for (int i = 1; i < f.length; i++) {
					total += Long.parseLong(f[i]);
				}
				return (total - Long.parseLong(f[4]) - Long.parseLong(f[5])) / 100.0; // minus idle and iowait
			}
			catch (java.io.IOException | RuntimeException ex) {
				return Double.NaN;
			}
		}
	}

	/**
	 * The benchmark JVM's CPU by thread ({@code /proc/self/task}), grouped: the service's own threads
	 * (webhook workers, scheduler, recorder, deadlines; the Kafka consumers; the outbox relay and its
	 * producer; the connection pool), the JIT compilers, the garbage collector and other VM threads, the
	 * load generator ({@code main}; the producer's network thread, shared with the relay, counts as the
	 * service's), the receivers (the third parties' JDK HTTP servers), and the rest
	 * (the embedded Kafka broker). Threads that ended meanwhile are missed.
	 */
	static final class ThreadCpu {

		private ThreadCpu() {
		}

		/** utime + stime in clock ticks by "tid name". */
		static Map<String, Long> ticks() {
			Map<String, Long> ticks = new HashMap<>();
			try (var tasks = Files.list(Path.of("/proc/self/task"))) {
				for (Path task : tasks.toList()) {
					try {
						String stat = Files.readString(task.resolve("stat"));
						String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
						String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						ticks.put(task.getFileName() + " " + name, Long.parseLong(f[11]) + Long.parseLong(f[12]));
					}
					catch (java.io.IOException | RuntimeException gone) {
						// the thread ended meanwhile
					}
				}
			}
			catch (java.io.IOException ex) {
				// no /proc: nothing to report
			}
			return ticks;
		}

		static String since(Map<String, Long> start, int deliveries) {
			Map<String, Long> groups = new java.util.LinkedHashMap<>();
			for (String group : List.of("service", "jit", "gc+vm", "load generator", "receivers", "broker+other")) {
				groups.put(group, 0L);
			}
			ticks().forEach((thread, ticks) -> groups.merge(group(thread.substring(thread.indexOf(' ') + 1)),
					ticks - start.getOrDefault(thread, 0L), Long::sum));
			Map<String, Long> threads = new HashMap<>();
			ticks().forEach((thread, ticks) -> threads.merge(thread.substring(thread.indexOf(' ') + 1)
				.replaceAll("\\d+", "N"), ticks - start.getOrDefault(thread, 0L), Long::sum));
			StringBuilder out = new StringBuilder();
			groups.forEach((group, ticks) -> out.append(out.isEmpty() ? "" : ", ")
				.append("%s %.1f s (%.3f ms/delivery)".formatted(group, ticks / 100.0, ticks * 10.0 / deliveries)));
			out.append("\nlargest threads:");
			threads.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.limit(14)
				.forEach(t -> out.append(" %s %.1f s;".formatted(t.getKey(), t.getValue() / 100.0)));
			return out.toString();
		}

		private static String group(String name) {
			if (name.startsWith("webhook-") || name.startsWith("integrations.") || name.startsWith("scheduling-")
					|| name.startsWith("kafka-producer") || name.startsWith("HikariPool")) {
				return "service";
			}
			if (name.contains("CompilerThre")) {
				return "jit";
			}
			if (name.startsWith("GC ") || name.startsWith("VM ") || name.startsWith("G1 ")
					|| name.startsWith("ParGC") || name.startsWith("Service Thread")) {
				return "gc+vm";
			}
			if (name.equals("main") || name.equals("java")) { // the launcher's main thread keeps the name "java"
				return "load generator";
			}
			if (name.startsWith("HTTP-Dispatcher") || name.startsWith("pool-")) {
				return "receivers";
			}
			return "broker+other";
		}
	}

	/**
	 * PostgreSQL's counters for the delivery table as a queue: how many entries the scans of the claim's
	 * index {@code delivery_due} read per scan (dead ones included) against the rows they returned, how
	 * many updates of {@code delivery} were HOT (no new index entries), and how often autovacuum ran.
	 */
	record QueueStats(long dueScans, long dueEntriesRead, long dueRowsFetched, long updates, long hotUpdates,
			long autovacuums, long deadRows) {

		static QueueStats now(JdbcClient jdbc) {
			return jdbc.sql("""
					select i.idx_scan, i.idx_tup_read, i.idx_tup_fetch, t.n_tup_upd, t.n_tup_hot_upd,
					       t.autovacuum_count, t.n_dead_tup
					from pg_stat_user_indexes i join pg_stat_user_tables t on t.relid = i.relid
					where i.indexrelname = 'delivery_due'""")
				.query((rs, n) -> new QueueStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
						rs.getLong(5), rs.getLong(6), rs.getLong(7)))
				.single();
		}

		QueueStats minus(QueueStats earlier) {
			return new QueueStats(dueScans - earlier.dueScans, dueEntriesRead - earlier.dueEntriesRead,
					dueRowsFetched - earlier.dueRowsFetched, updates - earlier.updates, hotUpdates - earlier.hotUpdates,
					autovacuums - earlier.autovacuums, deadRows);
		}

		@Override
		public String toString() {
			return "PostgreSQL: %d scans of delivery_due read %.1f entries each and fetched %.1f rows; %d updates of delivery, %d HOT; %d autovacuums, %d dead rows at the end"
				.formatted(dueScans, dueScans == 0 ? 0.0 : (double) dueEntriesRead / dueScans,
						dueScans == 0 ? 0.0 : (double) dueRowsFetched / dueScans, updates, hotUpdates, autovacuums,
						deadRows);
		}
	}

	/** The 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
	private static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (java.io.IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static int total(List<WebhookReceiver> receivers) {
		return receivers.stream().mapToInt(WebhookReceiver::count).sum();
	}

	private static long pct(List<Long> sorted, double p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
	}
}
