package org.instaclone.upload.post;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.instaclone.upload.media.MediaKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Posts by id for other features (the feed), shaped as the API shows them. This is the feed's hot
 * path (docs/performance.md, "Home feed"): posts never change after they are published, so their
 * views are kept in a bounded in-memory cache ({@code instaclone.posts.view-cache-size}, metrics
 * {@code cache.*{cache="post-views"}}), and the misses are read with one SQL statement (post, its
 * images and its hashtags) over plain JDBC: no transaction, no persistence context, no entity
 * hydration. A deleted post is forgotten after its deletion commits; until then, and on other
 * replicas, a cached copy cannot reappear in a feed, because the feed's ids come from the timeline
 * and the posts table, which the deletion changed.
 */
@Component
public class PostLookup {

	// the CTE is materialised so the hashtags are read once per post, not once per image row
	private static final String SQL = """
			with p as materialized (
			    select p.id, p.author_id, p.author_handle, p.caption, p.created_at,
			           array(select h.tag from post_hashtag h where h.post_id = p.id order by h.tag collate "C") as hashtags
			    from post p where p.id in (:ids))
			select p.*, i.kind, i.media_key, i.width, i.height
			from p left join post_image i on i.post_id = p.id
			order by p.id, i.width desc, i.kind collate "C"
			""";

	private final JdbcClient jdbc;

	private final Cache<UUID, PostView> views;

	PostLookup(JdbcClient jdbc, MeterRegistry meters, @Value("${instaclone.posts.view-cache-size:10000}") long cacheSize) {
		this.jdbc = jdbc;
		this.views = Caffeine.newBuilder().maximumSize(cacheSize).recordStats().build();
		CaffeineCacheMetrics.monitor(meters, this.views, "post-views");
	}

	/** The posts with these ids that still exist, in the order given. */
	public List<PostView> inOrder(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, PostView> found = views.getAll(ids, this::load);
		List<PostView> ordered = new ArrayList<>(ids.size());
		for (UUID id : ids) {
			PostView view = found.get(id);
			if (view != null) {
				ordered.add(view);
			}
		}
		return ordered;
	}

	@TransactionalEventListener
	void on(PostEvents.Removed removed) {
		views.invalidate(removed.postId());
	}

	private Map<UUID, PostView> load(Set<? extends UUID> ids) {
		return jdbc.sql(SQL).param("ids", ids).query(PostLookup::views);
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
