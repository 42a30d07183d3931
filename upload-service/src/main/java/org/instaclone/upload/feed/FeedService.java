package org.instaclone.upload.feed;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Cursor;
import org.instaclone.platform.paging.Page;
import org.instaclone.upload.post.PostLookup;
import org.instaclone.upload.post.PostView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The home feed: the viewer's materialised timeline (one index range scan, whatever the number of
 * followees), merged with the recent posts of the few celebrity authors they follow, which are not
 * fanned out (one index range scan per celebrity). Only this service's tables are read: no call to
 * follow-service. Two statements and no transaction (each statement sees a consistent snapshot; a
 * post deleted between them is simply left out): the ids of the page, then the posts
 * ({@link PostLookup}).
 */
@Service
class FeedService {

	private final JdbcClient jdbc;

	private final PostLookup posts;

	private final FeedProperties properties;

	FeedService(JdbcClient jdbc, PostLookup posts, FeedProperties properties) {
		this.jdbc = jdbc;
		this.posts = posts;
		this.properties = properties;
	}

	Page<PostView> feedOf(UUID viewer, @Nullable String cursor, int limit) {
		Cursor after = Cursor.decode(cursor);
		String afterTimeline = after == null ? "" : " and (t.created_at, t.post_id) < (:at, :id)";
		String afterPost = after == null ? "" : " and (p.created_at, p.id) < (:at, :id)";
		String sql = """
				select post_id, created_at from (
				  (select t.post_id, t.created_at from timeline t
				   where t.viewer_id = :viewer%s
				   order by t.created_at desc, t.post_id desc limit :fetch)
				  union
				  (select c.id, c.created_at from author_stats s
				   join follow_edge e on e.follower_id = :viewer and e.followee_id = s.author_id
				   cross join lateral (select p.id, p.created_at from post p
				                       where p.author_id = s.author_id%s
				                       order by p.created_at desc, p.id desc limit :fetch) c
				   where s.followers > :threshold)
				) merged
				order by created_at desc, post_id desc limit :fetch""".formatted(afterTimeline, afterPost);
		JdbcClient.StatementSpec query = jdbc.sql(sql)
			.param("viewer", viewer)
			.param("fetch", limit + 1)
			.param("threshold", properties.celebrityThreshold());
		if (after != null) {
			query = query.param("at", Timestamp.from(after.at())).param("id", after.id());
		}
		List<Cursor> rows = query
			.query((rs, n) -> new Cursor(rs.getTimestamp("created_at").toInstant(), rs.getObject("post_id", UUID.class)))
			.list();
		Page<Cursor> page = Page.of(rows, limit, row -> row);
		return new Page<>(posts.inOrder(page.items().stream().map(Cursor::id).toList()), page.nextCursor());
	}
}
