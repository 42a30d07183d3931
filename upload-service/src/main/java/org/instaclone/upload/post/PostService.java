package org.instaclone.upload.post;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.instaclone.platform.events.Outbox;
import org.instaclone.platform.paging.Cursor;
import org.instaclone.platform.paging.Page;
import org.instaclone.platform.security.Viewer;
import org.instaclone.upload.media.ImageVariant;
import org.instaclone.upload.media.MediaService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class PostService {

	private final PostRepository posts;

	private final Outbox outbox;

	private final ApplicationEventPublisher events;

	private final MediaService media;

	private final MediaLocks locks;

	private final Clock clock;

	PostService(PostRepository posts, Outbox outbox, ApplicationEventPublisher events, MediaService media,
			MediaLocks locks) {
		this.posts = posts;
		this.outbox = outbox;
		this.events = events;
		this.media = media;
		this.locks = locks;
		this.clock = Clock.systemUTC();
	}

	/** A text-only post. */
	@Transactional
	PostView publish(Viewer author, NewPost request) {
		return save(Post.publish(author, request.caption(), clock.instant()));
	}

	/**
	 * A photo post: its files are written under a shared lock on their keys that lasts until the post
	 * commits, so a concurrent clean-up cannot delete a file this post is about to use.
	 */
	@Transactional
	PostView publishPhoto(Viewer author, String caption, List<ImageVariant> variants) {
		locks.shared(variants.stream().map(ImageVariant::key).toList());
		media.store(variants);
		return save(Post.publishPhoto(author, caption, variants, clock.instant()));
	}

	/**
	 * Saves the post, its {@code post.created} event (outbox) and its fan-out to timelines (the feed
	 * listens to {@link PostEvents.Published}) in one transaction.
	 */
	private PostView save(Post post) {
		posts.save(post);
		outbox.append(PostEvents.TOPIC, post.authorId().toString(), PostEvents.CREATED, post.id().toString(),
				post.created());
		events.publishEvent(new PostEvents.Published(post.id(), post.authorId(), post.createdAt()));
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
		return views(rows, limit);
	}

	Page<PostView> byHashtag(String hashtag, @Nullable String cursor, int limit) {
		String tag = Hashtags.normalise(hashtag);
		Cursor after = Cursor.decode(cursor);
		Limit fetch = Limit.of(limit + 1);
		List<Post> rows = after == null ? posts.findByHashtag(tag, fetch)
				: posts.findByHashtagAfter(tag, after.at(), after.id(), fetch);
		return views(rows, limit);
	}

	/**
	 * Deletes the viewer's own post, records {@code post.deleted}, takes it out of every timeline and,
	 * after commit, removes the media files no other post uses.
	 */
	@Transactional
	void delete(Viewer viewer, UUID id) {
		Post post = posts.findById(id).orElseThrow(() -> new PostNotFoundException(id));
		if (!post.isAuthoredBy(viewer)) {
			throw new NotPostAuthorException();
		}
		List<String> keys = post.mediaKeys();
		posts.delete(post);
		Instant now = clock.instant();
		outbox.append(PostEvents.TOPIC, post.authorId().toString(), PostEvents.DELETED, post.id().toString(),
				new PostEvents.Deleted(post.id(), post.authorId(), now));
		events.publishEvent(new PostEvents.Removed(post.id(), post.authorId()));
		if (!keys.isEmpty()) {
			events.publishEvent(new MediaJanitor.Released(keys));
		}
	}

	private static Page<PostView> views(List<Post> rows, int limit) {
		Page<Post> page = Page.of(rows, limit, Post::cursor);
		return new Page<>(page.items().stream().map(Post::view).toList(), page.nextCursor());
	}
}
