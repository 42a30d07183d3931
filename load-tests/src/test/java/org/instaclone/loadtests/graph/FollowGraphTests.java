package org.instaclone.loadtests.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;

import org.instaclone.loadtests.graph.FollowGraph.Follow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowGraphTests {

	@Test
	void readsAnEdgeListAsMutualFollowsWithDenseIds(@TempDir Path dir) throws IOException {
		Path edges = Files.writeString(dir.resolve("tiny.edges"), """
				% a comment, as in the Network Data Repository's files
				10 20
				20 10
				10 30 1
				30 30

				# another comment
				20\t30
				""");

		FollowGraph graph = FollowGraph.readMutual("tiny", edges);

		// ids 10, 20, 30 become 0, 1, 2; the repeated edge and the self-loop are dropped
		assertThat(graph.users()).isEqualTo(3);
		assertThat(graph.follows()).containsExactlyInAnyOrder(new Follow(0, 1), new Follow(1, 0), new Follow(0, 2),
				new Follow(2, 0), new Follow(1, 2), new Follow(2, 1));
		assertThat(graph.followerCounts()).containsExactly(2, 2, 2);
		assertThat(graph.handle(2)).isEqualTo("tiny_0002");
	}

	@Test
	void refusesALineThatIsNotAnEdge(@TempDir Path dir) throws IOException {
		Path edges = Files.writeString(dir.resolve("bad.edges"), "1 2\n3\n");

		assertThatIOException().isThrownBy(() -> FollowGraph.readMutual("bad", edges)).withMessageContaining("'3'");
	}

	/** The real graph, where the repository sits beside shared/ (as on the project's machines and in CI). */
	@Test
	void readsSocfbReed98() throws IOException {
		Path edges = Path.of("../../shared/data/social-graphs/socfb-Reed98/socfb-Reed98.edges");
		assumeTrue(Files.isReadable(edges), "socfb-Reed98 not found at " + edges.toAbsolutePath());

		FollowGraph graph = FollowGraph.readMutual("reed", edges);

		// 18,812 friendships among 962 students: 37,624 follows
		assertThat(graph.users()).isEqualTo(962);
		assertThat(graph.follows()).hasSize(2 * 18_812);
		assertThat(new HashSet<>(graph.follows())).hasSameSizeAs(graph.follows());
		assertThat(graph.follows()).allMatch(follow -> follow.follower() != follow.followee());
		// mutual: everyone follows as many as follow them
		assertThat(graph.followerCounts()).containsExactly(graph.followeeCounts());
		assertThat(Arrays.stream(graph.followerCounts()).max().orElseThrow()).isEqualTo(313);
	}
}
