package org.instaclone.integrations.endpoint;

/** An endpoint asked for an event type nobody can subscribe to. */
public class UnsupportedEventTypeException extends RuntimeException {

	public UnsupportedEventTypeException(String type) {
		super("Event type '" + type + "' cannot be subscribed to. Supported: "
				+ String.join(", ", SubscribableEvents.TYPES) + ".");
	}
}
