package org.instaclone.loadtests.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.HashSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PowerLawGraphTests {

	@Test
	void theSameSeedGivesTheSameGraphAndAnotherSeedAnother() {
		FollowGraph one = PowerLawGraph.generate("pl", 2_000, 5, 7);
		FollowGraph again = PowerLawGraph.generate("pl", 2_000, 5, 7);
		FollowGraph other = PowerLawGraph.generate("pl", 2_000, 5, 8);

		assertThat(again.follows()).isEqualTo(one.follows());
		assertThat(other.follows()).isNotEqualTo(one.follows());
	}

	@Test
	void celebritiesAreFollowedByMostUsersAndEveryoneElseByFarFewer() {
		int users = 2_000;
		int celebrities = 5;
		FollowGraph graph = PowerLawGraph.generate("pl", users, celebrities, 42);
		int[] followers = graph.followerCounts();

		// each celebrity: ~80 % of the 1,995 others
		for (int celebrity = 0; celebrity < celebrities; celebrity++) {
			assertThat(followers[celebrity]).isBetween(1_500, 1_700);
		}
		int[] others = Arrays.copyOfRange(followers, celebrities, users);
		Arrays.sort(others);
		int median = others[others.length / 2];
		int max = others[others.length - 1];
		int top1Percent = others[(int) (others.length * 0.99)];
		// the celebrities are the top accounts by far
		assertThat(max).isLessThan(followers[0] / 2);
		// and the rest is heavy-tailed: a few popular accounts, most with a handful of followers
		assertThat(median).isBetween(1, 10);
		assertThat(top1Percent).isGreaterThan(10 * median);
		assertThat(max).isGreaterThan(100);
	}

	@Test
	void followeeCountsFollowAPowerLawWithAFloorAndACap() {
		FollowGraph graph = PowerLawGraph.generate("pl", 5_000, 0, 42);
		int[] followees = graph.followeeCounts();

		assertThat(IntStream.of(followees).min().orElseThrow()).isEqualTo(PowerLawGraph.MIN_FOLLOWEES);
		assertThat(IntStream.of(followees).max().orElseThrow()).isLessThanOrEqualTo(PowerLawGraph.MAX_FOLLOWEES)
			.isGreaterThan(100);
		// Pareto with exponent 2.5 from 3: mean 9, median 3 * 2^(2/3) = 4.76 -> 4
		double mean = IntStream.of(followees).average().orElseThrow();
		assertThat(mean).isBetween(7.0, 11.0);
		int[] sorted = followees.clone();
		Arrays.sort(sorted);
		assertThat(sorted[sorted.length / 2]).isBetween(4, 5);
	}

	@Test
	void noSelfFollowsAndNoDuplicates() {
		FollowGraph graph = PowerLawGraph.generate("pl", 300, 3, 1);

		assertThat(graph.follows()).allMatch(follow -> follow.follower() != follow.followee());
		assertThat(new HashSet<>(graph.follows())).hasSameSizeAs(graph.follows());
		assertThat(graph.follows()).allMatch(follow -> follow.followee() < 300 && follow.follower() < 300);
	}

	@Test
	void refusesImpossibleParameters() {
		assertThatIllegalArgumentException().isThrownBy(() -> PowerLawGraph.generate("pl", 10, 10, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> PowerLawGraph.generate("pl", 10, 2, 1.5, 1));
	}
}
