package org.instaclone.integrations.delivery;

import java.time.Instant;

/** What an attempt means for its delivery. */
sealed interface Verdict {

	record Delivered() implements Verdict {
	}

	record Retry(Instant at) implements Verdict {
	}

	/** No more attempts; {@code disableEndpoint} when the endpoint said it is gone (410). */
	record Failed(String reason, boolean disableEndpoint) implements Verdict {
	}
}
