package org.instaclone.loadtests.seed;

/** A call to the Instaclone API that did not get the answer it needed (after its retries). */
public class ApiException extends RuntimeException {

	private final int status;

	ApiException(String message, int status) {
		super(message);
		this.status = status;
	}

	/** The HTTP status of the last answer, 0 when there was none (connection failure). */
	public int status() {
		return this.status;
	}
}
