package org.instaclone.loadtests.blast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlastRadiusReportTests {

	@TempDir
	Path results;

	@Test
	void longestGapCountsFromTheWindowsStartToItsEndBetweenSuccessfulAnswers() {
		List<Outcome> outcomes = List.of(new Outcome("feed", 900, 100, 200, false),
				new Outcome("feed", 2000, 10_000, Outcome.TIMEOUT, false), new Outcome("feed", 4000, 1000, 200, false),
				new Outcome("feed", 9000, 20, 503, false));
		// ok answers at 1.0 s and 5.0 s; the window ends at 10 s: the last stretch is the longest
		assertThat(BlastRadiusReport.longestGapMs(outcomes, 10_000)).isEqualTo(5000);
		assertThat(BlastRadiusReport.longestGapMs(List.of(), 10_000)).isEqualTo(10_000);
	}

	@Test
	void aCellShowsTheShareOkPercentilesFailuresByStatusAndTheGap() {
		BlastRadiusReport.Step step = step("monolith", "threads",
				List.of(new Outcome("ads", 0, 10, 200, false), new Outcome("ads", 100, 30, 200, false),
						new Outcome("ads", 200, 20, 200, false), new Outcome("ads", 300, 10_000, Outcome.TIMEOUT, false),
						new Outcome("ads", 400, 5, 503, false), new Outcome("feed", 0, 7, 200, false)),
				List.of());
		String cell = BlastRadiusReport.cell(step, Action.ADS);
		assertThat(cell).startsWith("**60 %**<br>20 ms / 10.0 s<br>503 ×1, timeout ×1<br>no 2xx for 59.8 s");
		assertThat(BlastRadiusReport.cell(step, Action.FEED)).startsWith("**100 %**<br>7 ms / 7 ms");
		assertThat(BlastRadiusReport.cell(step, Action.POST)).isEqualTo("–");
	}

	@Test
	void degradedAnswersAreOkButNamed() {
		BlastRadiusReport.Step step = step("microservices", "throwing",
				List.of(new Outcome("ads", 0, 3, 200, true), new Outcome("ads", 1000, 4, 200, false)), List.of());
		assertThat(BlastRadiusReport.cell(step, Action.ADS)).contains("**100 %**").contains("50 % empty (`Degraded: ads`)");
	}

	@Test
	void processesPairEachDeathWithTheNextReady() {
		long start = 1_000_000;
		BlastRadiusReport.Step step = step("microservices", "memory", List.of(),
				List.of(new BlastRadiusReport.Event(start + 5_000, "died", "ads-service", "OutOfMemoryError"),
						new BlastRadiusReport.Event(start + 13_000, "ready", "ads-service", ""),
						new BlastRadiusReport.Event(start + 20_000, "died", "ads-service", ""),
						new BlastRadiusReport.Event(start + 20_001, "note", "postgres", "outlived the JVM")));
		assertThat(BlastRadiusReport.processes(step)).isEqualTo(
				"ads-service died at 5.0 s (OutOfMemoryError); back 8.0 s later; ads-service died at 20.0 s; postgres outlived the JVM; "
						+ "ads-service not back by the end");
		assertThat(BlastRadiusReport.processes(step("monolith", "none", List.of(), List.of()))).isEqualTo("all up");
	}

	@Test
	void writesOneTablePerFaultWithARowPerShapeFromTheStepsFolders() throws IOException {
		writeStep("monolith-throwing", "monolith", "throwing", "ads,0,5,503,false\nfeed,0,9,200,false\n", "");
		writeStep("microservices-throwing", "microservices", "throwing", "ads,0,5,200,true\nfeed,0,12,200,false\n", "");
		writeStep("monolith-memory", "monolith", "memory", "feed,0,9,200,false\n",
				"1000005000 died monolith OutOfMemoryError: Java heap space\n");
		Files.createDirectories(this.results.resolve("blast-radius/unfinished"));

		BlastRadiusReport.main(new String[] { this.results.toString() });

		String md = Files.readString(this.results.resolve("blast-radius.md"));
		assertThat(md).contains("| shape | feed read | ad placements | profile read | text post | sign-in | processes |");
		// throwing before memory (the faults' order), microservices before monolith within a fault
		assertThat(md.indexOf("**ads module throwing**")).isLessThan(md.indexOf("**ads module exhausting its memory**"));
		assertThat(md.indexOf("| microservices | **100 %**<br>12 ms"))
			.isLessThan(md.indexOf("| monolith | **100 %**<br>9 ms"))
			.isPositive();
		assertThat(md).contains("**0.0 %**<br>5 ms / 5 ms<br>503 ×1")
			.contains("monolith died at 5.0 s (OutOfMemoryError: Java heap space); monolith not back by the end")
			.contains("- monolith / memory: 2026-12-06T07:00Z, load 1.00 0.90 0.80 → 2.00 1.00 0.90");
	}

	private void writeStep(String name, String shape, String fault, String requests, String events) throws IOException {
		Path dir = Files.createDirectories(this.results.resolve("blast-radius").resolve(name));
		Files.writeString(dir.resolve("step.properties"), "shape=" + shape + "\nfault=" + fault
				+ "\ninjected=test\ndate=2026-12-06T07:00Z\nload_before=1.00 0.90 0.80\nload_after=2.00 1.00 0.90\n");
		Files.writeString(dir.resolve("window.properties"), "window_start_epoch_ms=1000000000\nseconds=60\n");
		Files.writeString(dir.resolve("requests.csv"), Outcome.HEADER + "\n" + requests);
		Files.writeString(dir.resolve("events.txt"), events);
	}

	private static BlastRadiusReport.Step step(String shape, String fault, List<Outcome> outcomes,
			List<BlastRadiusReport.Event> events) {
		return new BlastRadiusReport.Step(shape, fault, "", "", "", "", "", 1_000_000, 60, outcomes, events);
	}
}
