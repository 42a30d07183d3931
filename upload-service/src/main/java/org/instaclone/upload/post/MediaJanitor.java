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
 * file goes only when the last post naming it is gone, only after that deletion committed, and
 * under an exclusive {@link MediaLocks lock} on its key, so a post being published with the same
 * file either commits first (and the file stays) or writes the file again after it was deleted.
 */
@Component
class MediaJanitor {

	private final PostRepository posts;

	private final MediaService media;

	private final MediaLocks locks;

	MediaJanitor(PostRepository posts, MediaService media, MediaLocks locks) {
		this.posts = posts;
		this.media = media;
		this.locks = locks;
	}

	@TransactionalEventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void afterDelete(Released released) {
		release(released.keys());
	}

	/** Deletes those of {@code keys} that no committed post uses. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void release(Collection<String> keys) {
		locks.exclusive(keys);
		List<String> unused = new ArrayList<>(keys);
		unused.removeAll(posts.keysInUse(keys));
		media.delete(unused);
	}

	/** Media files a committed deletion stopped using. */
	record Released(List<String> keys) {
	}
}
