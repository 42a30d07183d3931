package org.instaclone.integrations.delivery;

/** A replay that cannot happen now: the delivery is still pending, or its endpoint is disabled. */
public class ReplayNotPossibleException extends RuntimeException {

	public ReplayNotPossibleException(String message) {
		super(message);
	}
}
