package org.instaclone.upload.feed;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Cursor;
import org.instaclone.platform.paging.Page;
import org.instaclone.upload.graph.FollowGraph;
import org.instaclone.upload.post.PostLookup;
import org.instaclone.upload.post.PostView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home feed: the viewer's materialised timeline (one index range scan, whatever the number of
 * followees), merged with the recent posts of the few celebrity authors they follow, which are not
 * fanned out. Only this service's tables are read: no call to follow-service.
 */
@Service
@Transactional(readOnly = true)
class FeedService {

	private final JdbcClient jdbc;

	private final FollowGraph graph;

	private final PostLookup posts;

	private final FeedProperties properties;

	FeedService(JdbcClient jdbc, FollowGraph graph, PostLookup posts, FeedProperties properties) {
		this.jdbc = jdbc;
		this.graph = graph;
		this.posts = posts;
		this.properties = properties;
	}

	Page<PostView> feedOf(UUID viewer, @Nullable String cursor, int limit) {
		Cursor after = Cursor.decode(cursor);
		List<UUID> celebrities = graph.followedAuthorsAbove(viewer, properties.celebrityThreshold());
		String afterTimeline = after == null ? "" : " and (t.created_at, t.post_id) < (:at, :id)";
		String afterPost = after == null ? "" : " and (p.created_at, p.id) < (:at, :id)";
		String sql = "(select t.post_id, t.created_at from timeline t where t.viewer_id = :viewer" + afterTimeline
				+ " order by t.created_at desc, t.post_id desc limit :fetch)";
		if (!celebrities.isEmpty()) {
			sql = "select post_id, created_at from (" + sql + " union (select p.id, p.created_at from post p"
					+ " where p.author_id in (:celebrities)" + afterPost
					+ " order by p.created_at desc, p.id desc limit :fetch)) merged"
					+ " order by created_at desc, post_id desc limit :fetch";
		}
		JdbcClient.StatementSpec query = jdbc.sql(sql).param("viewer", viewer).param("fetch", limit + 1);
		if (!celebrities.isEmpty()) {
			query = query.param("celebrities", celebrities);
		}
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
