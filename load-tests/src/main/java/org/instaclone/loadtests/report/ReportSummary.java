package org.instaclone.loadtests.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints one Markdown table row per request name of a Gatling report (requests, failed, mean
 * throughput, p50/p95/p99/p99.9 and max in ms), read from the report's {@code js/stats.js}: Gatling
 * writes it as JavaScript, but each {@code stats: {...}} object in it is JSON. The percentiles are the
 * ones {@code gatling.conf} sets (50, 95, 99, 99.9). Usage: {@code ReportSummary <report folder>
 * [<warm-up seconds> <measured seconds>]}: with the durations, req/s is each request's count over its
 * own phase (Gatling's own mean divides by the whole run, warm-up included).
 */
public final class ReportSummary {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ReportSummary() {
	}

	/** One request name's figures, as Gatling computed them (ms; "-" where there is nothing). */
	public record Row(String name, String requests, String failed, String perSecond, String p50, String p95, String p99,
			String p999, String max) {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 1 && args.length != 3) {
			System.err.println("usage: ReportSummary <gatling report folder> [<warm-up seconds> <measured seconds>]");
			System.exit(2);
		}
		double warmUp = args.length == 3 ? Double.parseDouble(args[1]) : 0;
		double measured = args.length == 3 ? Double.parseDouble(args[2]) : 0;
		System.out.println("| request | count | failed | req/s | p50 | p95 | p99 | p99.9 | max (ms) |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		for (Row row : read(Path.of(args[0]))) {
			String perSecond = row.perSecond();
			if (measured > 0) {
				double seconds = row.name().startsWith("warm-up ") ? warmUp
						: row.name().equals("All Requests") ? warmUp + measured : measured;
				perSecond = "%.1f".formatted(Double.parseDouble(row.requests()) / seconds);
			}
			System.out.println("| " + String.join(" | ", row.name(), row.requests(), row.failed(), perSecond,
					row.p50(), row.p95(), row.p99(), row.p999(), row.max()) + " |");
		}
	}

	public static List<Row> read(Path report) throws IOException {
		return readStats(report.resolve("js/stats.js"));
	}

	/** The rows of one {@code stats.js} file. */
	public static List<Row> readStats(Path statsJs) throws IOException {
		String script = Files.readString(statsJs, StandardCharsets.UTF_8);
		List<Row> rows = new ArrayList<>();
		int from = 0;
		while (true) {
			int at = script.indexOf("stats: {", from);
			if (at < 0) {
				break;
			}
			int start = script.indexOf('{', at);
			int end = matchingBrace(script, start);
			JsonNode stats = JSON.readTree(script.substring(start, end + 1));
			rows.add(new Row(stats.path("name").asString(), total(stats, "numberOfRequests"),
					stats.path("numberOfRequests").path("ko").asString(), total(stats, "meanNumberOfRequestsPerSecond"),
					total(stats, "percentiles1"), total(stats, "percentiles2"), total(stats, "percentiles3"),
					total(stats, "percentiles4"), total(stats, "maxResponseTime")));
			from = end;
		}
		return rows;
	}

	private static String total(JsonNode stats, String field) {
		return stats.path(field).path("total").asString();
	}

	private static int matchingBrace(String text, int open) {
		int depth = 0;
		boolean inString = false;
		for (int i = open; i < text.length(); i++) {
			char c = text.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				return i;
			}
		}
		throw new IllegalArgumentException("unbalanced braces in stats.js");
	}
}
