package org.instaclone.upload.post;

import java.util.UUID;

/** No post with that id (never created, or deleted). */
public class PostNotFoundException extends RuntimeException {

	public PostNotFoundException(UUID id) {
		super("There is no post with id " + id + ".");
	}
}
