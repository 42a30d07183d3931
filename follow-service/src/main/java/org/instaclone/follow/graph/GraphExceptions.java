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
}
