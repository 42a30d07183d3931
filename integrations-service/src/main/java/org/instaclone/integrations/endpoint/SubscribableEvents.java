package org.instaclone.integrations.endpoint;

import java.util.List;

/** The event types an endpoint can subscribe to today (those this service consumes). */
final class SubscribableEvents {

	static final List<String> TYPES = List.of("instaclone.user.created.v1", "instaclone.user.updated.v1",
			"instaclone.follow.created.v1", "instaclone.follow.deleted.v1");

	private SubscribableEvents() {
	}
}
