package org.instaclone.integrations.endpoint;

import java.util.UUID;

/** The app has no endpoint with that id (the app itself was checked to be the caller's). */
public class EndpointNotFoundException extends RuntimeException {

	public EndpointNotFoundException(UUID id) {
		super("This app has no endpoint with id " + id + ".");
	}
}
