package org.instaclone.metrics.view;

import java.time.Duration;

/**
 * The views could not be stored now (queue full, or the write did not finish in time or failed). The
 * client should send the same batch again after {@link #retryAfter()}: event ids make that safe.
 */
public class ViewsBusyException extends RuntimeException {

	private final Duration retryAfter;

	ViewsBusyException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}
