package org.instaclone.upload.media;

import java.time.Duration;

/** Every decode slot stayed taken for the whole wait: the client should retry after {@link #retryAfter()}. */
public class UploadsBusyException extends RuntimeException {

	private final Duration retryAfter;

	UploadsBusyException(Duration retryAfter) {
		super("Too many photos are being processed right now. Try again in a few seconds.");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}
