package org.instaclone.metrics.view;

/** A beacon body above the limit, or without a {@code Content-Length}; it is not read. */
public class ViewBodyTooLargeException extends RuntimeException {

	private final boolean lengthMissing;

	ViewBodyTooLargeException(long length, int max) {
		super(length < 0 ? "Send the views with a Content-Length header (at most " + max + " bytes)."
				: "The body has " + length + " bytes; a beacon may have at most " + max + " (100 views).");
		this.lengthMissing = length < 0;
	}

	/** No {@code Content-Length} was sent (411) rather than too many bytes (413). */
	public boolean lengthMissing() {
		return lengthMissing;
	}
}
