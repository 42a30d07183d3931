package org.instaclone.upload.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PostRepository extends JpaRepository<Post, UUID> {

	/** First page of an author's posts, newest first. Served by index {@code post_author_created}. */
	List<Post> findByAuthorIdOrderByCreatedAtDescIdDesc(UUID authorId, Limit limit);

	/** The page after the cursor {@code (at, id)}. */
	@Query("""
			select p from Post p
			where p.authorId = :author and (p.createdAt < :at or (p.createdAt = :at and p.id < :id))
			order by p.createdAt desc, p.id desc""")
	List<Post> findByAuthorAfter(@Param("author") UUID authorId, @Param("at") Instant at, @Param("id") UUID id,
			Limit limit);
}
