package org.instaclone.follow.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, UUID> {

	Optional<Account> findByHandle(String handle);

	Optional<Account> findByEmail(String email);

	boolean existsByHandle(String handle);

	boolean existsByEmail(String email);

	/** Counter update in SQL so concurrent follows never lose an increment. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Account a set a.followingCount = a.followingCount + :delta where a.id = :follower""")
	void addFollowing(@Param("follower") UUID follower, @Param("delta") long delta);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Account a set a.followersCount = a.followersCount + :delta where a.id = :followee""")
	void addFollowers(@Param("followee") UUID followee, @Param("delta") long delta);
}
