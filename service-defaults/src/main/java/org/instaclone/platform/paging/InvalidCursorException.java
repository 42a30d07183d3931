package org.instaclone.platform.paging;

/** The {@code cursor} parameter was not one this service handed out. */
public class InvalidCursorException extends RuntimeException {

	public InvalidCursorException() {
		super("The cursor is not valid. Use the nextCursor of a previous page, or omit it for the first page.");
	}
}
