package org.instaclone.upload.post;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PostRepository extends JpaRepository<Post, UUID> {

	/** First page of an author's posts, newest first. Served by index {@code post_author_created}. */
	List<Post> findByAuthorIdOrderByCreatedAtDescIdDesc(UUID authorId, Limit limit);

	/** The page after the cursor {@code (at, id)}: a row comparison, so it bounds the index scan. */
	@Query("""
			select p from Post p
			where p.authorId = :author and (p.createdAt, p.id) < (:at, :id)
			order by p.createdAt desc, p.id desc""")
	List<Post> findByAuthorAfter(@Param("author") UUID authorId, @Param("at") Instant at, @Param("id") UUID id,
			Limit limit);

	/** First page of a hashtag's posts, newest first. Served by the primary key of {@code post_hashtag}. */
	@Query("select p from Post p join p.hashtags t where t.tag = :tag order by t.createdAt desc, p.id desc")
	List<Post> findByHashtag(@Param("tag") String tag, Limit limit);

	@Query("""
			select p from Post p join p.hashtags t
			where t.tag = :tag and (t.createdAt < :at or (t.createdAt = :at and p.id < :id))
			order by t.createdAt desc, p.id desc""")
	List<Post> findByHashtagAfter(@Param("tag") String tag, @Param("at") Instant at, @Param("id") UUID id,
			Limit limit);

	/** Which of these media files some post still shows. */
	@Query(value = "select distinct media_key from post_image where media_key in (:keys)", nativeQuery = true)
	List<String> keysInUse(@Param("keys") Collection<String> keys);
}
