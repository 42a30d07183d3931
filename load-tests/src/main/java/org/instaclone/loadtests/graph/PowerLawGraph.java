package org.instaclone.loadtests.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.instaclone.loadtests.graph.FollowGraph.Follow;

/**
 * Generates a follow graph shaped like a photo-sharing network's: a few celebrity accounts followed
 * by most users, and a long tail for everyone else.
 * <ul>
 * <li>Accounts {@code 0..celebrities-1} are the celebrities; every other account follows each of
 * them with probability {@code celebrityReach} (default 0.8).</li>
 * <li>Each account also follows {@code k} non-celebrity accounts, {@code k} drawn from a discrete
 * power law (Pareto, exponent {@value #FOLLOWEE_EXPONENT}, at least {@value #MIN_FOLLOWEES}, capped at
 * {@value #MAX_FOLLOWEES}): most follow a handful, a few follow hundreds.</li>
 * <li>Whom they follow is preferential: the non-celebrity of popularity rank {@code r} is picked with
 * weight {@code 1/(r+1)^}{@value #POPULARITY_EXPONENT} (Zipf), so follower counts are heavy-tailed
 * too, but stay far below the celebrities'.</li>
 * </ul>
 * The same seed gives the same graph.
 */
public final class PowerLawGraph {

	static final double FOLLOWEE_EXPONENT = 2.5;

	static final int MIN_FOLLOWEES = 3;

	static final int MAX_FOLLOWEES = 500;

	static final double POPULARITY_EXPONENT = 0.8;

	private PowerLawGraph() {
	}

	/** {@link #generate(String, int, int, double, long)} with 80 % of users following each celebrity. */
	public static FollowGraph generate(String name, int users, int celebrities, long seed) {
		return generate(name, users, celebrities, 0.8, seed);
	}

	public static FollowGraph generate(String name, int users, int celebrities, double celebrityReach, long seed) {
		if (users < 2 || celebrities < 0 || celebrities >= users || celebrityReach < 0 || celebrityReach > 1) {
			throw new IllegalArgumentException("need users >= 2, 0 <= celebrities < users, 0 <= reach <= 1; got users="
					+ users + ", celebrities=" + celebrities + ", reach=" + celebrityReach);
		}
		SplittableRandom random = new SplittableRandom(seed);
		int others = users - celebrities;
		// popularity ranks: a random permutation of the non-celebrities, so popularity is not the id order
		int[] byRank = new int[others];
		for (int i = 0; i < others; i++) {
			byRank[i] = celebrities + i;
		}
		for (int i = others - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = byRank[i];
			byRank[i] = byRank[j];
			byRank[j] = swap;
		}
		double[] cumulative = new double[others];
		double total = 0;
		for (int rank = 0; rank < others; rank++) {
			total += 1 / Math.pow(rank + 1, POPULARITY_EXPONENT);
			cumulative[rank] = total;
		}

		List<Follow> follows = new ArrayList<>();
		Set<Integer> chosen = new HashSet<>();
		for (int user = 0; user < users; user++) {
			if (user >= celebrities) {
				for (int celebrity = 0; celebrity < celebrities; celebrity++) {
					if (random.nextDouble() < celebrityReach) {
						follows.add(new Follow(user, celebrity));
					}
				}
			}
			boolean counts = user >= celebrities;
			int candidates = others - (counts ? 1 : 0);
			int wanted = Math.min(followees(random), candidates);
			chosen.clear();
			// rejection sampling; the attempt cap only matters when wanted is close to candidates
			for (int attempt = 0; chosen.size() < wanted && attempt < wanted * 50; attempt++) {
				int rank = Arrays.binarySearch(cumulative, random.nextDouble() * total);
				int followee = byRank[rank >= 0 ? rank : Math.min(-rank - 1, others - 1)];
				if (followee != user && chosen.add(followee)) {
					follows.add(new Follow(user, followee));
				}
			}
		}
		return new FollowGraph(name, users, follows);
	}

	/** A discrete Pareto draw: {@code floor(min * u^(-1/(exponent-1)))}, capped. */
	private static int followees(SplittableRandom random) {
		double u = 1 - random.nextDouble(); // (0, 1]
		double k = MIN_FOLLOWEES * Math.pow(u, -1 / (FOLLOWEE_EXPONENT - 1));
		return (int) Math.min(MAX_FOLLOWEES, Math.floor(k));
	}
}
