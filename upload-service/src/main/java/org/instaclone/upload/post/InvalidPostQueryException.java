package org.instaclone.upload.post;

/** {@code GET /api/posts} with filters that cannot be combined. */
public class InvalidPostQueryException extends RuntimeException {

	InvalidPostQueryException(String detail) {
		super(detail);
	}
}
