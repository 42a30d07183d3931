package org.instaclone.loadtests.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Writes load-tests/benchmark.sh's results into a Markdown file (docs/performance.md) between
 * {@value #BEGIN} and {@value #END}, replacing what was there (appending the section when the markers
 * are missing). Reads a results folder:
 * <ul>
 * <li>{@code machine.properties}: the machine, JDKs, commit, date and load average</li>
 * <li>{@code startup.tsv}: {@code service config run seconds cpu-seconds rss-mib} (load-tests/startup.sh)</li>
 * <li>{@code mix/<name>/} and {@code sweep/<name>/}, one folder per load run (load-tests/run.sh's
 * {@code RESULT_DIR}): {@code run.properties}, {@code processes.tsv} ({@code name cpu-seconds rss-mib})
 * and Gatling's {@code stats.js}</li>
 * </ul>
 * Usage: {@code BenchmarkReport write <results> <markdown file>} or {@code BenchmarkReport verdict <run
 * folder>} (exit 0 when the run met the targets: 0 errors and feed p99 <= 50 ms; used by the sweep).
 */
public final class BenchmarkReport {

	static final String BEGIN = "<!-- benchmark:begin -->";

	static final String END = "<!-- benchmark:end -->";

	/** The target for feed reads at the highest sustained rate. */
	static final int FEED_P99_TARGET_MS = 50;

	static final List<String> JVMS = List.of("gateway", "follow-service", "upload-service", "ads-service",
			"integrations-service", "metrics-service");

	static final List<String> CONFIGS = List.of("17", "25", "25-aot");

	private BenchmarkReport() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length == 3 && args[0].equals("write")) {
			Path markdown = Path.of(args[2]);
			String section = section(Path.of(args[1]));
			Files.writeString(markdown, replaceSection(Files.readString(markdown, StandardCharsets.UTF_8), section),
					StandardCharsets.UTF_8);
			System.out.println("wrote the benchmark section of " + markdown);
		}
		else if (args.length == 2 && args[0].equals("verdict")) {
			Run run = Run.read(Path.of(args[1]));
			System.out.println(run.verdict());
			System.exit(run.sustained() ? 0 : 1);
		}
		else {
			System.err.println("usage: BenchmarkReport write <results folder> <markdown file> | verdict <run folder>");
			System.exit(2);
		}
	}

	/** The markdown with the section between the markers replaced (or appended). */
	static String replaceSection(String markdown, String section) {
		return replaceBetween(markdown, BEGIN, END, section);
	}

	/** The markdown with what is between two markers replaced (or the markers and section appended). */
	static String replaceBetween(String markdown, String beginMarker, String endMarker, String section) {
		int begin = markdown.indexOf(beginMarker);
		int end = markdown.indexOf(endMarker);
		String block = beginMarker + "\n" + section.strip() + "\n" + endMarker;
		if (begin < 0 || end < begin) {
			return markdown.stripTrailing() + "\n\n" + block + "\n";
		}
		return markdown.substring(0, begin) + block + markdown.substring(end + endMarker.length());
	}

	/** One load run: its settings, Gatling's figures and the processes' CPU and memory. */
	record Run(String name, Properties properties, List<ReportSummary.Row> rows, Map<String, double[]> processes) {

		static Run read(Path dir) throws IOException {
			Properties properties = new Properties();
			Path file = dir.resolve("run.properties");
			if (Files.isRegularFile(file)) {
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					properties.load(reader);
				}
			}
			Map<String, double[]> processes = new LinkedHashMap<>();
			Path tsv = dir.resolve("processes.tsv");
			if (Files.isRegularFile(tsv)) {
				for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
					String[] f = line.trim().split("\\s+");
					if (f.length == 3) {
						processes.put(f[0], new double[] { Double.parseDouble(f[1]), Double.parseDouble(f[2]) });
					}
				}
			}
			return new Run(dir.getFileName().toString(), properties, ReportSummary.readStats(dir.resolve("stats.js")),
					processes);
		}

		String get(String key) {
			return this.properties.getProperty(key, "");
		}

		double rate() {
			return Double.parseDouble(this.properties.getProperty("rate", "0"));
		}

		int duration() {
			return Integer.parseInt(this.properties.getProperty("duration", "60"));
		}

		/** The rows of the measured part (not the warm-up, not the total). */
		List<ReportSummary.Row> measured() {
			return this.rows.stream()
				.filter((row) -> !row.name().startsWith("warm-up ") && !row.name().equals("All Requests"))
				.toList();
		}

		long requests() {
			return measured().stream().mapToLong((row) -> number(row.requests())).sum();
		}

		long errors() {
			return measured().stream().mapToLong((row) -> number(row.failed())).sum();
		}

		Optional<ReportSummary.Row> feed() {
			return measured().stream().filter((row) -> row.name().contains("GET /api/feed")).findFirst();
		}

		long feedP99() {
			return feed().map((row) -> number(row.p99())).orElse(Long.MAX_VALUE);
		}

		boolean sustained() {
			return errors() == 0 && feedP99() <= FEED_P99_TARGET_MS;
		}

		String verdict() {
			return "%s: %d requests, %d errors, feed p99 %s ms: %s".formatted(this.name, requests(), errors(),
					feed().map(ReportSummary.Row::p99).orElse("-"),
					sustained() ? "sustained" : "NOT sustained (target: 0 errors, feed p99 <= " + FEED_P99_TARGET_MS + " ms)");
		}
	}

	/** The generated section. */
	static String section(Path results) throws IOException {
		StringBuilder md = new StringBuilder();
		Properties machine = new Properties();
		Path machineFile = results.resolve("machine.properties");
		if (Files.isRegularFile(machineFile)) {
			try (Reader reader = Files.newBufferedReader(machineFile, StandardCharsets.UTF_8)) {
				machine.load(reader);
			}
		}
		md.append("### Benchmark results (generated by `load-tests/benchmark.sh`; do not edit by hand)\n\n");
		md.append("Machine: ").append(machine.getProperty("cpus", "?")).append(" cores (")
			.append(machine.getProperty("cpu", "?")).append("), ").append(machine.getProperty("memory", "?"))
			.append(" RAM, Linux ").append(machine.getProperty("kernel", "?")).append(". JDKs: ")
			.append(machine.getProperty("jdk17", "?")).append("; ").append(machine.getProperty("jdk25", "?"))
			.append(". Commit ").append(machine.getProperty("commit", "?")).append(", report written ")
			.append(machine.getProperty("date", "?")).append(". Load average when the benchmark started: ")
			.append(machine.getProperty("load", "?"))
			.append(". The load generator (Gatling) runs on the same cores as the system it measures.\n\n");
		startup(results.resolve("startup.tsv"), md);
		List<Run> mix = runs(results.resolve("mix"));
		for (Run run : mix) {
			mixRun(run, md);
		}
		List<Run> sweep = runs(results.resolve("sweep"));
		if (!sweep.isEmpty()) {
			sweep(sweep, md);
		}
		return md.toString();
	}

	private static List<Run> runs(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		List<Run> runs = new ArrayList<>();
		try (Stream<Path> children = Files.list(dir)) {
			for (Path child : children.filter((p) -> Files.isRegularFile(p.resolve("stats.js"))).toList()) {
				runs.add(Run.read(child));
			}
		}
		runs.sort(Comparator.comparing((Run run) -> run.get("simulation")).thenComparingDouble(Run::rate));
		return runs;
	}

	/** Medians per service and configuration, the AOT cache's ratio, and idle RSS. */
	static void startup(Path tsv, StringBuilder md) throws IOException {
		if (!Files.isRegularFile(tsv)) {
			return;
		}
		// service -> config -> [seconds, cpu, rss] lists
		Map<String, Map<String, List<double[]>>> values = new TreeMap<>(Comparator.comparingInt(BenchmarkReport::order));
		for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
			String[] f = line.split("\t");
			if (f.length < 6) {
				continue;
			}
			values.computeIfAbsent(f[0], (k) -> new LinkedHashMap<>())
				.computeIfAbsent(f[1], (k) -> new ArrayList<>())
				.add(new double[] { Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]) });
		}
		int runs = values.values().stream().flatMap((m) -> m.values().stream()).mapToInt(List::size).max().orElse(0);
		// the three configurations, then any variant (load-tests/startup.sh's BASE+NAME) in a column of its own
		List<String> configs = new ArrayList<>(CONFIGS);
		values.values().stream().flatMap((m) -> m.keySet().stream()).filter((c) -> !configs.contains(c)).distinct()
			.sorted().forEach(configs::add);
		List<String> variants = configs.subList(CONFIGS.size(), configs.size());
		md.append("#### Start-up per service, measured alone\n\n");
		md.append("Each JVM started by itself with PostgreSQL and Kafka up (`load-tests/startup.sh`), the benchmark ")
			.append("profile's flags (`--jvm=benchmark`), from the fork to the first 200 of ")
			.append("`/actuator/health/readiness`; median of ").append(runs)
			.append(" runs, wall seconds (CPU seconds of the JVM until ready in brackets); idle RSS 4 s after ready. ")
			.append("Targets: AOT cache <= 0.6 x its no-cache time and <= 6 s; idle RSS <= 300 MiB.\n\n");
		StringBuilder variantHeader = new StringBuilder();
		for (String variant : variants) {
			variantHeader.append(" `").append(variant).append("` |");
		}
		md.append("| service | JDK 17 | JDK 25 | JDK 25 + AOT cache | cache / no cache (JDK 25) | idle RSS MiB: 17 / 25 / 25 + AOT")
			.append(variants.isEmpty() ? "" : " / " + String.join(" / ", variants)).append(" |")
			.append(variantHeader).append('\n');
		md.append("|---|---|---|---|---|---|").append("---|".repeat(variants.size())).append('\n');
		for (Map.Entry<String, Map<String, List<double[]>>> service : values.entrySet()) {
			md.append("| ").append(service.getKey());
			for (String config : CONFIGS) {
				List<double[]> v = service.getValue().get(config);
				md.append(" | ").append(v == null ? "-" : "%.1f s (%.1f)".formatted(median(v, 0), median(v, 1)));
			}
			List<double[]> plain = service.getValue().get("25");
			List<double[]> cached = service.getValue().get("25-aot");
			if (plain != null && cached != null) {
				double ratio = median(cached, 0) / median(plain, 0);
				boolean met = ratio <= 0.6 && median(cached, 0) <= 6.0;
				md.append(" | %.2f x %s".formatted(ratio, met ? "(met)" : "(**missed**)"));
			}
			else {
				md.append(" | -");
			}
			List<String> rss = new ArrayList<>();
			for (String config : configs) {
				List<double[]> v = service.getValue().get(config);
				rss.add(v == null ? "-" : "%.0f".formatted(median(v, 2)));
			}
			md.append(" | ").append(String.join(" / ", rss)).append(" |");
			for (String variant : variants) {
				List<double[]> v = service.getValue().get(variant);
				md.append(' ').append(v == null ? "-" : "%.1f s (%.1f)".formatted(median(v, 0), median(v, 1))).append(" |");
			}
			md.append('\n');
		}
		md.append('\n');
	}

	private static int order(String service) {
		int index = JVMS.indexOf(service);
		return (index < 0) ? JVMS.size() + Math.abs(service.hashCode() % 1000) : index;
	}

	static double median(List<double[]> values, int column) {
		double[] sorted = values.stream().mapToDouble((v) -> v[column]).sorted().toArray();
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	static void mixRun(Run run, StringBuilder md) {
		String simulation = run.get("simulation");
		boolean instagram = !simulation.startsWith("death") && !simulation.equals("dsb");
		md.append("#### ").append(instagram ? "Instagram mix" : "DeathStarBench mix")
			.append(", %s %s/s".formatted(fmt(run.rate()), instagram ? "sessions" : "requests"))
			.append(" (run ").append(run.get("started")).append(")\n\n");
		md.append("%s s warm-up, %s s measured, open model; `%s`; runner `%s`; load average (1/5/15 min) %s at the start of the measured part, %s at its end. %s.\n\n"
			.formatted(run.get("warmup"), run.get("duration"), run.get("java"), run.get("runnerOptions"),
					run.get("loadBefore"), run.get("loadAfter"), run.verdict()));
		md.append("| request | count | failed | req/s | p50 | p95 | p99 | p99.9 | max (ms) |\n|---|---|---|---|---|---|---|---|---|\n");
		for (ReportSummary.Row row : run.measured()) {
			md.append("| ").append(String.join(" | ", row.name(), row.requests(), row.failed(),
					"%.1f".formatted(number(row.requests()) / (double) run.duration()), row.p50(), row.p95(), row.p99(),
					row.p999(), row.max())).append(" |\n");
		}
		md.append("| **all measured** | %d | %d | %.1f | | | | | |\n\n".formatted(run.requests(), run.errors(),
				run.requests() / (double) run.duration()));
		if (!run.processes().isEmpty()) {
			md.append("CPU during the measured part and RSS at its end (PostgreSQL: all its processes, shared buffers counted in each). ")
				.append("Targets: <= 350 MiB per service under the mix, the six JVMs <= 2.4 GiB.\n\n");
			md.append("| process | CPU s | % of one core | RSS MiB |\n|---|---|---|---|\n");
			double cpu = 0;
			double jvmRss = 0;
			for (Map.Entry<String, double[]> process : run.processes().entrySet()) {
				double[] v = process.getValue();
				cpu += v[0];
				if (JVMS.contains(process.getKey())) {
					jvmRss += v[1];
				}
				md.append("| %s | %.1f | %.0f %% | %.0f |\n".formatted(process.getKey(), v[0], 100 * v[0] / run.duration(),
						v[1]));
			}
			md.append("| Instaclone (all of the above) | %.1f | %.0f %% | |\n".formatted(cpu, 100 * cpu / run.duration()));
			String machineCpu = run.get("machineCpuSeconds");
			if (!machineCpu.isEmpty()) {
				double m = Double.parseDouble(machineCpu);
				md.append("| whole machine (Instaclone, Gatling, anything else) | %.1f | %.0f %% | |\n".formatted(m,
						100 * m / run.duration()));
			}
			md.append("| **the six service JVMs together** | | | **%.0f (%.2f GiB)** |\n\n".formatted(jvmRss, jvmRss / 1024));
			if (run.requests() > 0) {
				md.append("Instaclone's CPU per measured request: %.1f ms.\n\n".formatted(1000 * cpu / run.requests()));
			}
		}
	}

	static void sweep(List<Run> runs, StringBuilder md) {
		md.append("#### Rate sweep\n\n");
		md.append("Each rate on a freshly started copy of the same seeded data; the sweep stops at the first rate that ")
			.append("misses (any error, or feed p99 > ").append(FEED_P99_TARGET_MS).append(" ms).\n\n");
		md.append("| mix | offered rate | measured req/s | errors | feed p50 / p99 / p99.9 ms | load average start / end | verdict |\n");
		md.append("|---|---|---|---|---|---|---|\n");
		@Nullable Run best = null;
		for (Run run : runs) {
			Optional<ReportSummary.Row> feed = run.feed();
			md.append("| %s | %s/s | %.1f | %d | %s | %s / %s | %s |\n".formatted(run.get("simulation"), fmt(run.rate()),
					run.requests() / (double) run.duration(), run.errors(),
					feed.map((r) -> r.p50() + " / " + r.p99() + " / " + r.p999()).orElse("-"), run.get("loadBefore"),
					run.get("loadAfter"), run.sustained() ? "sustained" : "**missed**"));
			if (run.sustained() && (best == null || run.rate() > best.rate())) {
				best = run;
			}
		}
		md.append('\n');
		if (best != null) {
			md.append("**Highest sustained rate measured: %s %s/s (%.1f requests/s), feed p99 %d ms, 0 errors.**\n\n"
				.formatted(fmt(best.rate()), best.get("simulation").equals("instagram") ? "sessions" : "requests",
						best.requests() / (double) best.duration(), best.feedP99()));
		}
		else {
			md.append("**No measured rate met the targets.**\n\n");
		}
	}

	private static String fmt(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

	static long number(String value) {
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}
}
