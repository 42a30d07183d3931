package org.instaclone.upload.feed;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Cursor;
import org.instaclone.platform.paging.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home feed, computed at read time: the viewer's own posts and those of everyone they follow
 * (per the local {@code follow_edge} projection), newest first. No call to follow-service.
 * Deliberately simple for now; the materialised, fan-out-on-write timeline replaces this query later
 * (see docs/upload-service.md for why and the measured numbers in DESIGN.md).
 */
@Service
@Transactional(readOnly = true)
class FeedService {

	private static final String SELECT = """
			select p.id, p.author_id, p.author_handle, p.caption, p.created_at from post p
			where (p.author_id = :viewer
			       or p.author_id in (select e.followee_id from follow_edge e where e.follower_id = :viewer))
			""";

	private static final String ORDER = " order by p.created_at desc, p.id desc limit :limit";

	private final JdbcClient jdbc;

	FeedService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page<FeedItem> feedOf(UUID viewer, @Nullable String cursor, int limit) {
		Cursor after = Cursor.decode(cursor);
		JdbcClient.StatementSpec query = after == null ? jdbc.sql(SELECT + ORDER)
				: jdbc.sql(SELECT + " and (p.created_at, p.id) < (:at, :id)" + ORDER)
					.param("at", Timestamp.from(after.at()))
					.param("id", after.id());
		List<FeedItem> rows = query.param("viewer", viewer)
			.param("limit", limit + 1)
			.query((rs, n) -> new FeedItem(rs.getObject("id", UUID.class), rs.getObject("author_id", UUID.class),
					rs.getString("author_handle"), rs.getString("caption"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
		return Page.of(rows, limit, item -> new Cursor(item.createdAt(), item.id()));
	}
}
