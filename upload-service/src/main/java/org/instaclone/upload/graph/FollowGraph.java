package org.instaclone.upload.graph;

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
}
