package org.instaclone.upload.feed;

import org.instaclone.upload.graph.FollowGraph;
import org.instaclone.upload.graph.GraphEvents;
import org.instaclone.upload.post.PostEvents;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Materialises home timelines on write, inside the transaction of the change that causes it (events
 * are delivered synchronously): a new post goes to its author's and, unless the author is a celebrity,
 * every follower's timeline; a new follow copies the followee's recent posts; an unfollow and a
 * deletion take rows out. Every write is an upsert or a delete, so applying a change twice changes
 * nothing.
 */
@Component
class TimelineWriter {

	private final JdbcClient jdbc;

	private final FollowGraph graph;

	private final FeedProperties properties;

	TimelineWriter(JdbcClient jdbc, FollowGraph graph, FeedProperties properties) {
		this.jdbc = jdbc;
		this.graph = graph;
		this.properties = properties;
	}

	@EventListener
	void on(PostEvents.Published post) {
		jdbc.sql("""
				insert into timeline (viewer_id, post_id, author_id, created_at) values (:author, :post, :author, :at)
				on conflict do nothing""")
			.param("author", post.authorId())
			.param("post", post.postId())
			.param("at", java.sql.Timestamp.from(post.createdAt()))
			.update();
		if (isCelebrity(post.authorId())) {
			return;
		}
		jdbc.sql("""
				insert into timeline (viewer_id, post_id, author_id, created_at)
				select e.follower_id, :post, :author, :at from follow_edge e where e.followee_id = :author
				on conflict do nothing""")
			.param("author", post.authorId())
			.param("post", post.postId())
			.param("at", java.sql.Timestamp.from(post.createdAt()))
			.update();
	}

	@EventListener
	void on(PostEvents.Removed post) {
		jdbc.sql("delete from timeline where post_id = ?").param(post.postId()).update();
	}

	@EventListener
	void on(GraphEvents.Followed follow) {
		if (isCelebrity(follow.followeeId()) || properties.backfill() == 0) {
			return;
		}
		jdbc.sql("""
				insert into timeline (viewer_id, post_id, author_id, created_at)
				select :follower, p.id, p.author_id, p.created_at from post p where p.author_id = :followee
				order by p.created_at desc, p.id desc limit :backfill
				on conflict do nothing""")
			.param("follower", follow.followerId())
			.param("followee", follow.followeeId())
			.param("backfill", properties.backfill())
			.update();
	}

	@EventListener
	void on(GraphEvents.Unfollowed follow) {
		jdbc.sql("delete from timeline where viewer_id = ? and author_id = ?")
			.params(follow.followerId(), follow.followeeId())
			.update();
	}

	private boolean isCelebrity(java.util.UUID author) {
		return graph.followers(author) > properties.celebrityThreshold();
	}
}
