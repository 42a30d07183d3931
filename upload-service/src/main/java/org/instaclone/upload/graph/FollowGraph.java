package org.instaclone.upload.graph;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read access to the local follow projection for other features (the feed). */
@Component
public class FollowGraph {

	private final JdbcClient jdbc;

	FollowGraph(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public int followers(UUID authorId) {
		return jdbc.sql("select followers from author_stats where author_id = ?")
			.param(authorId)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** The authors with more than {@code threshold} followers whom {@code viewer} follows. */
	public List<UUID> followedAuthorsAbove(UUID viewer, int threshold) {
		return jdbc.sql("""
				select s.author_id from author_stats s
				where s.followers > ? and exists (
				    select 1 from follow_edge e where e.follower_id = ? and e.followee_id = s.author_id)""")
			.params(threshold, viewer)
			.query(UUID.class)
			.list();
	}
}
