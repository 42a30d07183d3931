package org.instaclone.integrations.delivery;

import java.util.UUID;

/** The app has no delivery with that id (the app itself was checked to be the caller's). */
public class DeliveryNotFoundException extends RuntimeException {

	public DeliveryNotFoundException(UUID id) {
		super("This app has no delivery with id " + id + ".");
	}
}
