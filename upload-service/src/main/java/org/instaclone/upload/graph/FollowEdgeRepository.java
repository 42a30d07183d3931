package org.instaclone.upload.graph;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FollowEdgeRepository extends JpaRepository<FollowEdge, FollowEdge.Key> {

	/** Natural upsert: applying the same follow twice leaves one edge. @return 1 if the edge is new */
	@Modifying
	@Query(value = """
			insert into follow_edge (follower_id, followee_id, since) values (:follower, :followee, :since)
			on conflict (follower_id, followee_id) do nothing""", nativeQuery = true)
	int follow(@Param("follower") UUID followerId, @Param("followee") UUID followeeId, @Param("since") Instant since);

	/** @return 1 if there was such an edge */
	@Modifying
	@Query(value = "delete from follow_edge where follower_id = :follower and followee_id = :followee",
			nativeQuery = true)
	int unfollow(@Param("follower") UUID followerId, @Param("followee") UUID followeeId);

	/** Adds {@code delta} to the author's follower count (called only when an edge really changed). */
	@Modifying
	@Query(value = """
			insert into author_stats (author_id, followers) values (:author, greatest(:delta, 0))
			on conflict (author_id) do update set followers = greatest(author_stats.followers + :delta, 0)""",
			nativeQuery = true)
	void countFollower(@Param("author") UUID authorId, @Param("delta") int delta);

	long countByKeyFollowerId(UUID followerId);
}
