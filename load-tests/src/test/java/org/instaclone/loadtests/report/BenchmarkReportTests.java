package org.instaclone.loadtests.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real Gatling report: the Instagram mix at 10 sessions/s of 2026-12-06 02:47 (60 s warm-up with
 * 5 failed impressions, 60 s measured without errors, feed p99 59 ms).
 */
class BenchmarkReportTests {

	@TempDir
	Path results;

	private Path run(String folder) throws IOException {
		Path dir = Files.createDirectories(this.results.resolve(folder));
		try (InputStream stats = getClass().getResourceAsStream("/report/instagram-stats.js")) {
			Files.copy(stats, dir.resolve("stats.js"));
		}
		Files.writeString(dir.resolve("run.properties"), """
				simulation=instagram
				rate=10
				warmup=60
				duration=60
				started=20261206-024527-instagram-10
				loadBefore=8.40 9.01 9.55
				loadAfter=4.90 8.00 9.10
				runnerOptions=--jvm=benchmark
				java=openjdk version "17.0.15" 2025-04-15
				machineCpuSeconds=95.5
				""");
		Files.writeString(dir.resolve("processes.tsv"), """
				gateway	7.3	207
				follow-service	0.6	282
				upload-service	3.5	378
				ads-service	3.9	300
				integrations-service	2.5	290
				metrics-service	3.1	310
				kafka	5.3	209
				postgres	2.2	749
				""");
		return dir;
	}

	@Test
	void aRunCountsTheMeasuredPartOnlyAndJudgesTheFeed() throws IOException {
		BenchmarkReport.Run run = BenchmarkReport.Run.read(run("mix/instagram-10"));

		assertThat(run.measured()).hasSize(8).noneMatch((row) -> row.name().startsWith("warm-up"));
		assertThat(run.requests()).isEqualTo(493 + 493 + 978 + 493 + 235 + 22 + 48 + 8);
		assertThat(run.errors()).isZero();
		assertThat(run.feedP99()).isEqualTo(59);
		assertThat(run.sustained()).isFalse();
		assertThat(run.verdict()).contains("0 errors, feed p99 59 ms: NOT sustained");
	}

	@Test
	void theSectionHasTheEndpointsTheProcessesAndTheStartUp() throws IOException {
		run("mix/instagram-10");
		Files.writeString(this.results.resolve("machine.properties"), """
				cpus=2
				cpu=AMD EPYC
				memory=24 GiB
				kernel=6.1.0
				jdk17=openjdk 17.0.15
				jdk25=openjdk 25.0.3
				commit=abc1234
				date=2026-12-06T05:00:00Z
				load=0.50 1.00 2.00
				""");
		Files.writeString(this.results.resolve("startup.tsv"), String.join("\n",
				"gateway\t25\t1\t8.00\t9.00\t200", "gateway\t25\t2\t9.00\t9.50\t210", "gateway\t25\t3\t10.00\t9.90\t190",
				"gateway\t25-aot\t1\t4.00\t4.00\t180", "gateway\t25-aot\t2\t4.50\t4.20\t185",
				"gateway\t25-aot\t3\t9.00\t4.10\t182", "follow-service\t17\t1\t12.00\t14.00\t250", ""));

		String section = BenchmarkReport.section(this.results);

		assertThat(section).contains("2 cores (AMD EPYC), 24 GiB RAM, Linux 6.1.0", "Commit abc1234",
				"| GET /api/feed | 493 | 0 | 8.2 | 11 | 36 | 59 | 77 | 77 |",
				"| **all measured** | 2770 | 0 | 46.2 |", "| gateway | 7.3 | 12 % | 207 |",
				"| **the six service JVMs together** | | | **1767 (1.73 GiB)** |",
				"Instaclone's CPU per measured request: 10.3 ms.",
				// medians 9.0 and 4.5 s: 0.50 x and under 6 s
				"| gateway | - | 9.0 s (9.5) | 4.5 s (4.1) | 0.50 x (met) | - / 200 / 182 |",
				"| follow-service | 12.0 s (14.0) | - | - | - | 250 / - / - |");
		assertThat(section.indexOf("| gateway | -")).isLessThan(section.indexOf("| follow-service | 12"));
	}

	@Test
	void theSweepNamesTheHighestRateThatMetTheTargets() throws IOException {
		run("sweep/instagram-10");
		Path met = run("sweep/instagram-5");
		String stats = Files.readString(met.resolve("stats.js"), StandardCharsets.UTF_8);
		// the measured feed row's p99 (59 ms) as 45 ms: the lower rate met the target
		Files.writeString(met.resolve("stats.js"), stats.replace("\"total\": \"59\"", "\"total\": \"45\""));
		Files.writeString(met.resolve("run.properties"),
				Files.readString(met.resolve("run.properties")).replace("rate=10", "rate=5"));

		String section = BenchmarkReport.section(this.results);

		assertThat(section).contains("#### Rate sweep", "| instagram | 5/s |", "| instagram | 10/s |", "**missed**",
				"**Highest sustained rate measured: 5 sessions/s");
		assertThat(section.indexOf("| instagram | 5/s |")).isLessThan(section.indexOf("| instagram | 10/s |"));
	}

	@Test
	void theSectionReplacesWhatIsBetweenTheMarkersOrIsAppended() {
		String doc = "# Performance\n\nbefore\n\n" + BenchmarkReport.BEGIN + "\nold numbers\n" + BenchmarkReport.END
				+ "\n\n## after\n";

		String replaced = BenchmarkReport.replaceSection(doc, "new numbers\n");

		assertThat(replaced).isEqualTo("# Performance\n\nbefore\n\n" + BenchmarkReport.BEGIN + "\nnew numbers\n"
				+ BenchmarkReport.END + "\n\n## after\n");
		assertThat(BenchmarkReport.replaceSection("# Performance\n", "numbers"))
			.isEqualTo("# Performance\n\n" + BenchmarkReport.BEGIN + "\nnumbers\n" + BenchmarkReport.END + "\n");
	}
}
