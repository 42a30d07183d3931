package org.instaclone.upload.graph;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FollowEdgeRepository extends JpaRepository<FollowEdge, FollowEdge.Key> {

	/** Natural upsert: applying the same follow twice leaves one edge. */
	@Modifying
	@Query(value = """
			insert into follow_edge (follower_id, followee_id, since) values (:follower, :followee, :since)
			on conflict (follower_id, followee_id) do nothing""", nativeQuery = true)
	int follow(@Param("follower") UUID followerId, @Param("followee") UUID followeeId, @Param("since") Instant since);

	@Modifying
	@Query(value = "delete from follow_edge where follower_id = :follower and followee_id = :followee",
			nativeQuery = true)
	int unfollow(@Param("follower") UUID followerId, @Param("followee") UUID followeeId);

	long countByKeyFollowerId(UUID followerId);
}
