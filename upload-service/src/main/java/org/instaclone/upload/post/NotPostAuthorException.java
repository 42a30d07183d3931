package org.instaclone.upload.post;

/**
 * Someone tried to change a post they did not write. Posts are public, so this is a 403, not a 404:
 * hiding a post the caller can read anyway would protect nothing.
 */
public class NotPostAuthorException extends RuntimeException {

	public NotPostAuthorException() {
		super("Only the author can delete a post.");
	}
}
