package org.instaclone.loadtests;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.instaclone.loadtests.graph.FollowGraph;
import org.instaclone.loadtests.graph.PowerLawGraph;
import org.instaclone.loadtests.seed.InstacloneApi;
import org.instaclone.loadtests.seed.Seeder;

/**
 * Seeds a running Instaclone for the load tests, through the gateway. Usage (load-tests/run.sh calls it):
 *
 * <pre>
 * java -cp ... org.instaclone.loadtests.Seed [--base=http://localhost:8080]
 *     [--edges=../shared/data/social-graphs/socfb-Reed98/socfb-Reed98.edges | --edges=none]
 *     [--power-law-users=1000] [--celebrities=5] [--celebrity-reach=0.8]
 *     [--posts-per-user=3] [--photos=60] [--campaigns=10] [--concurrency=8] [--password-concurrency=2] [--seed=42]
 *     [--out=load-tests/target/seed/users.csv]
 * </pre>
 *
 * The edge list is read as mutual follows (graph {@code reed}, handles {@code reed_0000..}); the
 * power-law graph is {@code pl} ({@code pl_0000..}, celebrities first). Exits 1 when a request failed.
 */
public final class Seed {

	static final String DEFAULT_EDGES = "../shared/data/social-graphs/socfb-Reed98/socfb-Reed98.edges";

	private Seed() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				System.err.println("arguments are --name=value; see the class comment of " + Seed.class.getName());
				System.exit(2);
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		URI base = URI.create(options.getOrDefault("base", "http://localhost:8080"));
		long seed = Long.parseLong(options.getOrDefault("seed", "42"));
		List<FollowGraph> graphs = new ArrayList<>();
		String edges = options.getOrDefault("edges", DEFAULT_EDGES);
		if (!edges.equals("none")) {
			Path path = Path.of(edges);
			if (!Files.isReadable(path)) {
				System.err.println("no edge list at " + path.toAbsolutePath()
						+ " (socfb-Reed98 from the Network Data Repository; --edges=PATH, or --edges=none)");
				System.exit(2);
			}
			graphs.add(FollowGraph.readMutual("reed", path));
		}
		int powerLawUsers = Integer.parseInt(options.getOrDefault("power-law-users", "1000"));
		if (powerLawUsers > 0) {
			graphs.add(PowerLawGraph.generate("pl", powerLawUsers,
					Integer.parseInt(options.getOrDefault("celebrities", "5")),
					Double.parseDouble(options.getOrDefault("celebrity-reach", "0.8")), seed));
		}
		for (FollowGraph graph : graphs) {
			int[] followers = graph.followerCounts();
			int[] sorted = followers.clone();
			Arrays.sort(sorted);
			System.out.printf("graph %s: %,d users, %,d follows; followers per user: median %d, p99 %d, max %d%n",
					graph.name(), graph.users(), graph.follows().size(), sorted[sorted.length / 2],
					sorted[(int) (sorted.length * 0.99)], sorted[sorted.length - 1]);
		}
		Seeder.Plan plan = new Seeder.Plan(graphs, Integer.parseInt(options.getOrDefault("posts-per-user", "3")),
				Integer.parseInt(options.getOrDefault("photos", "60")),
				Integer.parseInt(options.getOrDefault("campaigns", "10")),
				Integer.parseInt(options.getOrDefault("concurrency", "8")),
				Integer.parseInt(options.getOrDefault("password-concurrency", "2")), seed,
				Path.of(options.getOrDefault("out", "load-tests/target/seed/users.csv")));
		System.out.println("seeding " + base + " with concurrency " + plan.concurrency());
		long start = System.nanoTime();
		Seeder.Report report = new Seeder(new InstacloneApi(base), System.out).seed(plan);
		System.out.printf("seeded in %.1f s, %d failed tasks%n", (System.nanoTime() - start) / 1e9, report.errors());
		System.exit(report.errors() == 0 ? 0 : 1);
	}
}
