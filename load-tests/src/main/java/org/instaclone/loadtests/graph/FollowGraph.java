package org.instaclone.loadtests.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who follows whom among {@code users} accounts numbered {@code 0..users-1}: no self-follows, no
 * duplicates.
 *
 * @param name short name, the prefix of the seeded handles ({@code reed}, {@code pl})
 * @param users number of accounts
 * @param follows the directed edges
 */
public record FollowGraph(String name, int users, List<Follow> follows) {

	/** One follow: {@code follower} follows {@code followee}. */
	public record Follow(int follower, int followee) {
	}

	public FollowGraph {
		follows = List.copyOf(follows);
	}

	/**
	 * Reads an undirected edge list ({@code a b} per line, whitespace-separated, further columns
	 * ignored, lines starting with {@code %} or {@code #} skipped, as in the Network Data Repository's
	 * {@code .edges} files) as a <em>mutual</em> follow graph: each friendship is two follows, A follows
	 * B and B follows A (Facebook friendships are symmetric). Node ids are renumbered densely in
	 * ascending order, so a file with ids {@code 0..n-1} keeps them. Self-loops and repeated edges are
	 * dropped.
	 */
	public static FollowGraph readMutual(String name, Path edgeList) throws IOException {
		List<long[]> pairs = new ArrayList<>();
		TreeMap<Long, Integer> ids = new TreeMap<>();
		for (String line : Files.readAllLines(edgeList, StandardCharsets.UTF_8)) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("%") || trimmed.startsWith("#")) {
				continue;
			}
			String[] columns = trimmed.split("[\\s,]+");
			if (columns.length < 2) {
				throw new IOException(edgeList + ": not an edge: '" + line + "'");
			}
			long a = Long.parseLong(columns[0]);
			long b = Long.parseLong(columns[1]);
			ids.put(a, 0);
			ids.put(b, 0);
			pairs.add(new long[] { a, b });
		}
		int next = 0;
		for (var entry : ids.entrySet()) {
			entry.setValue(next++);
		}
		Set<Follow> follows = new LinkedHashSet<>();
		for (long[] pair : pairs) {
			int a = ids.get(pair[0]);
			int b = ids.get(pair[1]);
			if (a != b) {
				follows.add(new Follow(a, b));
				follows.add(new Follow(b, a));
			}
		}
		return new FollowGraph(name, ids.size(), new ArrayList<>(follows));
	}

	/** How many followers each account has. */
	public int[] followerCounts() {
		int[] counts = new int[this.users];
		for (Follow follow : this.follows) {
			counts[follow.followee()]++;
		}
		return counts;
	}

	/** How many accounts each account follows. */
	public int[] followeeCounts() {
		int[] counts = new int[this.users];
		for (Follow follow : this.follows) {
			counts[follow.follower()]++;
		}
		return counts;
	}

	/** The handle of account {@code node} in this graph, e.g. {@code reed_0042}. */
	public String handle(int node) {
		return handle(this.name, node);
	}

	static String handle(String graph, int node) {
		return "%s_%04d".formatted(graph, node);
	}
}
