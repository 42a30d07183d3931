package org.instaclone.upload.post;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.instaclone.platform.events.Outbox;
import org.instaclone.platform.security.Viewer;
import org.instaclone.platform.paging.Cursor;
import org.instaclone.platform.paging.Page;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class PostService {

	private final PostRepository posts;

	private final Outbox outbox;

	private final Clock clock;

	PostService(PostRepository posts, Outbox outbox) {
		this.posts = posts;
		this.outbox = outbox;
		this.clock = Clock.systemUTC();
	}

	/** Saves the post and its {@code post.created} event in one transaction. */
	@Transactional
	PostView publish(Viewer author, NewPost request) {
		Post post = posts.save(Post.publish(author, request.caption(), clock.instant()));
		outbox.append(PostEvents.TOPIC, post.authorId().toString(), PostEvents.CREATED, post.id().toString(),
				post.created());
		return post.view();
	}

	PostView find(UUID id) {
		return posts.findById(id).map(Post::view).orElseThrow(() -> new PostNotFoundException(id));
	}

	Page<PostView> byAuthor(UUID authorId, @Nullable String cursor, int limit) {
		Cursor after = Cursor.decode(cursor);
		Limit fetch = Limit.of(limit + 1);
		List<Post> rows = after == null ? posts.findByAuthorIdOrderByCreatedAtDescIdDesc(authorId, fetch)
				: posts.findByAuthorAfter(authorId, after.at(), after.id(), fetch);
		Page<Post> page = Page.of(rows, limit, Post::cursor);
		return new Page<>(page.items().stream().map(Post::view).toList(), page.nextCursor());
	}

	/** Deletes the viewer's own post and records {@code post.deleted}. */
	@Transactional
	void delete(Viewer viewer, UUID id) {
		Post post = posts.findById(id).orElseThrow(() -> new PostNotFoundException(id));
		if (!post.isAuthoredBy(viewer)) {
			throw new NotPostAuthorException();
		}
		posts.delete(post);
		Instant now = clock.instant();
		outbox.append(PostEvents.TOPIC, post.authorId().toString(), PostEvents.DELETED, post.id().toString(),
				new PostEvents.Deleted(post.id(), post.authorId(), now));
	}
}
