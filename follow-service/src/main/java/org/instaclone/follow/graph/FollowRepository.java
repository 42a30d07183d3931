package org.instaclone.follow.graph;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FollowRepository extends JpaRepository<Follow, Follow.Edge> {

	/**
	 * Followers of a user, newest first, after the keyset cursor (createdAt, followerId). The cursor is a
	 * row comparison, so it bounds the scan of {@code follow_by_followee} instead of filtering it: a page
	 * deep in a large list reads its own rows only (docs/performance.md, "Hot queries").
	 */
	@Query("""
			select new org.instaclone.follow.graph.FollowView(a.id, a.handle, a.displayName, f.createdAt)
			from Follow f join Account a on a.id = f.id.followerId
			where f.id.followeeId = :user
			  and (f.createdAt, f.id.followerId) < (:at, :after)
			order by f.createdAt desc, f.id.followerId desc""")
	List<FollowView> followers(@Param("user") UUID user, @Param("at") Instant at, @Param("after") UUID after,
			Limit limit);

	/** Accounts a user follows, newest first, after the keyset cursor (createdAt, followeeId). */
	@Query("""
			select new org.instaclone.follow.graph.FollowView(a.id, a.handle, a.displayName, f.createdAt)
			from Follow f join Account a on a.id = f.id.followeeId
			where f.id.followerId = :user
			  and (f.createdAt, f.id.followeeId) < (:at, :after)
			order by f.createdAt desc, f.id.followeeId desc""")
	List<FollowView> following(@Param("user") UUID user, @Param("at") Instant at, @Param("after") UUID after,
			Limit limit);

	/**
	 * Adds the edge unless it exists; 0 when it did. Concurrent follows of the same pair (a double
	 * click, a client retry) wait for each other on the primary key instead of failing.
	 */
	@Modifying
	@Query(value = """
			insert into follow (follower_id, followee_id, created_at) values (:follower, :followee, :at)
			on conflict do nothing""", nativeQuery = true)
	int insertIfAbsent(@Param("follower") UUID follower, @Param("followee") UUID followee, @Param("at") Instant at);

	/** Removes the edge; 0 when there was none. */
	@Modifying
	@Query(value = "delete from follow where follower_id = :follower and followee_id = :followee", nativeQuery = true)
	int deleteIfPresent(@Param("follower") UUID follower, @Param("followee") UUID followee);
}
