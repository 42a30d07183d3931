package org.instaclone.integrations.app;

import java.util.UUID;

/** No app with that id belongs to the caller (someone else's app looks exactly the same). */
public class AppNotFoundException extends RuntimeException {

	public AppNotFoundException(UUID id) {
		super("You have no app with id " + id + ".");
	}
}
