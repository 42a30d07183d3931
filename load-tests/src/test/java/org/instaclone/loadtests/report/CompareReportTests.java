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
 * On a real Gatling report (the Instagram mix at 10 sessions/s of 2026-12-06 02:47: feed p99 59 ms, 2,770
 * measured requests), used for both shapes, the monolith's copy with a faster feed.
 */
class CompareReportTests {

	@TempDir
	Path results;

	private Path run(String folder, String processes, int feedP99) throws IOException {
		Path dir = Files.createDirectories(this.results.resolve("workload").resolve(folder));
		try (InputStream stats = getClass().getResourceAsStream("/report/instagram-stats.js")) {
			String text = new String(stats.readAllBytes(), StandardCharsets.UTF_8);
			Files.writeString(dir.resolve("stats.js"), text.replace("\"total\": \"59\"", "\"total\": \"" + feedP99 + "\""));
		}
		Files.writeString(dir.resolve("run.properties"), """
				simulation=instagram
				rate=10
				warmup=60
				duration=60
				started=20261206-024527-instagram-10
				loadBefore=1.00 1.10 1.20
				loadAfter=1.50 1.20 1.20
				runnerOptions=--jvm=benchmark
				commit=abc1234
				""");
		Files.writeString(dir.resolve("processes.tsv"), processes);
		return dir;
	}

	@Test
	void theWorkloadComparesBothShapesAtTheSameRateWithCpuPerRequest() throws IOException {
		run("microservices-10", """
				gateway	7.3	207
				follow-service	0.6	282
				upload-service	3.5	378
				ads-service	3.9	300
				integrations-service	2.5	290
				metrics-service	3.1	310
				kafka	5.3	209
				postgres	2.2	749
				""", 59);
		run("monolith-10", """
				monolith	11.0	900
				postgres	2.8	400
				""", 40);

		String section = CompareReport.section(this.results);

		// 28.4 CPU s for 2,770 requests: 10.3 ms each; the monolith 13.8 s: 5.0 ms
		assertThat(section).contains(
				"| 10 | microservices | 46.2 | 0 | 11 / 59 / 77 | 28.4 (47 %) | 10.3 | 1767 / 2725 | 1.00 1.10 1.20 / 1.50 1.20 1.20 | **missed** |",
				"| 10 | monolith | 46.2 | 0 | 11 / 40 / 77 | 13.8 (23 %) | 5.0 | 900 / 1300 |",
				"| sustained |", "##### 10 sessions/s, per endpoint",
				"| GET /api/feed | 8.2 | 11 | 59 | 77 | 0 | 8.2 | 11 | 40 | 77 | 0 |",
				"| kafka | 5.3 | 209 | - | - |", "| monolith | - | - | 11.0 | 900 |",
				"| **all** | **28.4** | **2725** | **13.8** | **1300** |");
		assertThat(section.indexOf("| 10 | microservices |")).isLessThan(section.indexOf("| 10 | monolith |"));
	}

	@Test
	void staticFiguresAreTotalledPerShapeWithCodeApart() throws IOException {
		Files.writeString(this.results.resolve("static.tsv"), String.join("\n",
				"artifact\tmicroservices\tgateway\t10485760\tdependencies=8388608,spring-boot-loader=0,snapshot-dependencies=1048576,application=1048576",
				"artifact\tmicroservices\tfollow-service\t20971520\tdependencies=20971520,spring-boot-loader=0,snapshot-dependencies=0,application=0",
				"artifact\tmonolith\tmonolith\t31457280\tdependencies=31457280,spring-boot-loader=0,snapshot-dependencies=0,application=0",
				"lines\tmicroservices\tapplication config\t100\t6\ta.yml b.yml",
				"lines\tmicroservices\tprocess assembly: local runner (Java)\t900\t20\tX.java",
				"lines\tmicroservices\tKubernetes: observability (Prometheus)\t50\t3\tp.yaml",
				"lines\tmicroservices\tKubernetes: the six services\t400\t7\tk.yaml",
				"lines\tmonolith\tapplication config\t120\t6\ta.yml m.yml",
				"lines\tmonolith\tcontainer image, docker compose, Kubernetes: none yet\t0\t0\t", ""));

		String section = CompareReport.section(this.results);

		assertThat(section).contains("| microservices | gateway | 10.0 | 8.0 / 0.0 / 1.0 / 1.0 | 10.0 |",
				"| **microservices** | **2 deployables** | **30.0** | | **30.0** |",
				"| **monolith** | **1 deployable** | **30.0** | | **30.0** |",
				"| microservices | 500 lines (13 files), + 50 lines of observability | 900 lines |",
				"| monolith | 120 lines (6 files) | 0 lines |");
	}

	@Test
	void startUpTakesTheMedianPerShapeAndCase() throws IOException {
		Files.writeString(this.results.resolve("startup.tsv"), String.join("\n", "monolith\tfresh\t1\t20.00\t900",
				"monolith\tfresh\t2\t18.00\t950", "monolith\tfresh\t3\t30.00\t920", "microservices\texisting\t1\t40.00\t2000", ""));
		Files.writeString(this.results.resolve("startup-services.tsv"), String.join("\n",
				"gateway\t17\t1\t11.00\t11.00\t240", "gateway\t25\t1\t7.00\t12.00\t260", ""));
		Files.writeString(this.results.resolve("startup-seeded.tsv"), "microservices\tseeded\t10\t45.00\t0\n");
		Files.writeString(this.results.resolve("startup.properties"),
				"monolithJvm=-Xms928m -Xmx928m\nrunnerFlags=--jvm=benchmark --heap=fixed\n");

		String section = CompareReport.section(this.results);

		assertThat(section).contains("the monolith with `-Xms928m -Xmx928m`, the services with the runner's `--jvm=benchmark --heap=fixed`");

		assertThat(section).contains("| monolith | fresh data folder (initdb, every migration; the microservices also format Kafka's storage) | **20.0** | 20.0, 18.0, 30.0 | 920 |",
				"| microservices | existing data folder (PostgreSQL restarted, migrations validated) | **40.0** | 40.0 | 2000 |",
				"gateway 11.0 s (11.0 CPU s, 240 MiB)", "at most 11.0 s here",
				"| microservices | the seeded data (~420 MB of PostgreSQL; the workload runs' own starts) | **45.0** | 45.0 | - |");
		// per shape, the cases in the order fresh, existing, already running, seeded
		assertThat(section.indexOf("| microservices | existing")).isLessThan(section.indexOf("| microservices | the seeded"));
		assertThat(section.indexOf("| microservices | the seeded")).isLessThan(section.indexOf("| monolith | fresh"));
	}

	@Test
	void faultsAreIncludedOrTheirAbsenceIsSaid() throws IOException {
		assertThat(CompareReport.section(this.results)).contains("Not measured in this run");

		Files.writeString(this.results.resolve("faults.properties"), "status=missing\ndetail=no script\n");
		assertThat(CompareReport.section(this.results)).contains("**Not measured**: no script (status: missing)");

		Files.writeString(this.results.resolve("faults.properties"), "status=ok\n");
		Files.writeString(this.results.resolve("blast-radius.md"), "#### Blast radius: one module faulted\n\n| fault | user sees |\n");
		assertThat(CompareReport.section(this.results)).contains("#### Blast radius: one module faulted\n\n| fault | user sees |")
			.doesNotContain("Not measured", "#### Blast radius\n");
	}

	@Test
	void theSectionGoesBetweenItsMarkersAndTheHandWrittenTextStays() {
		String doc = "# Monolith vs microservices\n\nmethod\n\n" + CompareReport.BEGIN + "\nold\n" + CompareReport.END
				+ "\n\n## Guidance\n\nkept\n";

		assertThat(BenchmarkReport.replaceBetween(doc, CompareReport.BEGIN, CompareReport.END, "new\n"))
			.isEqualTo("# Monolith vs microservices\n\nmethod\n\n" + CompareReport.BEGIN + "\nnew\n" + CompareReport.END
					+ "\n\n## Guidance\n\nkept\n");
	}
}
