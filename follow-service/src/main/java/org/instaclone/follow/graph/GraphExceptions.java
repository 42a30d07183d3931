package org.instaclone.follow.graph;

/** The follow graph's domain errors. */
public final class GraphExceptions {

	private GraphExceptions() {
	}

	public static final class SelfFollow extends RuntimeException {

		SelfFollow() {
			super("You cannot follow yourself.");
		}
	}

	public static final class InvalidCursor extends RuntimeException {

		InvalidCursor() {
			super("The cursor is not valid. Use the nextCursor value of a previous page.");
		}
	}
}
