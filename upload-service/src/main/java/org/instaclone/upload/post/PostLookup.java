package org.instaclone.upload.post;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.instaclone.upload.media.MediaKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Posts by id for other features (the feed), shaped as the API shows them. This is the feed's hot
 * path, so it is one SQL statement (post, its images and its hashtags) read with plain JDBC: no
 * transaction, no persistence context, no entity hydration (docs/performance.md, "Home feed").
 */
@Component
public class PostLookup {

	private static final String SQL = """
			select p.id, p.author_id, p.author_handle, p.caption, p.created_at,
			       array(select h.tag from post_hashtag h where h.post_id = p.id order by h.tag collate "C") as hashtags,
			       i.kind, i.media_key, i.width, i.height
			from post p left join post_image i on i.post_id = p.id
			where p.id in (:ids)
			order by p.id, i.width desc, i.kind collate "C"
			""";

	private final JdbcClient jdbc;

	PostLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The posts with these ids that still exist, in the order given. */
	public List<PostView> inOrder(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, PostView> found = jdbc.sql(SQL).param("ids", ids).query(PostLookup::views);
		List<PostView> ordered = new ArrayList<>(ids.size());
		for (UUID id : ids) {
			PostView view = found.get(id);
			if (view != null) {
				ordered.add(view);
			}
		}
		return ordered;
	}

	/** One row per image (or one row without image): rows of the same post are adjacent. */
	private static Map<UUID, PostView> views(ResultSet rs) throws SQLException {
		Map<UUID, PostView> views = new HashMap<>();
		PostView post = null;
		List<PostView.Image> images = new ArrayList<>(4);
		while (rs.next()) {
			UUID id = rs.getObject("id", UUID.class);
			if (post != null && !post.id().equals(id)) {
				views.put(post.id(), withImages(post, images));
				images.clear();
			}
			if (post == null || !post.id().equals(id)) {
				post = new PostView(id, rs.getObject("author_id", UUID.class), rs.getString("author_handle"),
						rs.getString("caption"), List.of((String[]) rs.getArray("hashtags").getArray()), List.of(),
						rs.getTimestamp("created_at").toInstant());
			}
			String kind = rs.getString("kind");
			if (kind != null) {
				images.add(new PostView.Image(kind, MediaKeys.url(rs.getString("media_key")), rs.getInt("width"),
						rs.getInt("height")));
			}
		}
		if (post != null) {
			views.put(post.id(), withImages(post, images));
		}
		return views;
	}

	private static PostView withImages(PostView post, List<PostView.Image> images) {
		return new PostView(post.id(), post.authorId(), post.authorHandle(), post.caption(), post.hashtags(),
				List.copyOf(images), post.createdAt());
	}
}
