package org.instaclone.upload.post;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.instaclone.upload.media.MediaService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Removes media files once no post shows them. Identical uploads share content-hashed files, so a
 * file goes only when the last post naming it is gone, and only after that deletion committed.
 */
@Component
class MediaJanitor {

	private final PostRepository posts;

	private final MediaService media;

	MediaJanitor(PostRepository posts, MediaService media) {
		this.posts = posts;
		this.media = media;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
	public void afterDelete(Released released) {
		release(released.keys());
	}

	/** Deletes those of {@code keys} that no committed post uses. */
	@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
	public void release(Collection<String> keys) {
		List<String> unused = new ArrayList<>(keys);
		unused.removeAll(posts.keysInUse(keys));
		media.delete(unused);
	}

	/** Media files a committed deletion stopped using. */
	record Released(List<String> keys) {
	}
}
