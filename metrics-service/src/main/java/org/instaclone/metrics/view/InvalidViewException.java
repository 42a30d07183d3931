package org.instaclone.metrics.view;

/** A view in a beacon batch has an implausible timestamp; nothing of the batch is stored. */
public class InvalidViewException extends RuntimeException {

	private final String field;

	InvalidViewException(int index, String message) {
		super(message);
		this.field = "views[" + index + "].viewedAt";
	}

	/** The offending item's field, e.g. {@code views[3].viewedAt}. */
	public String field() {
		return field;
	}
}
