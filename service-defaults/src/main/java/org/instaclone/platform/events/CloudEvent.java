package org.instaclone.platform.events;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. Sent on Kafka with
 * {@code content-type: application/cloudevents+json}; see {@code docs/events.md}.
 *
 * @param <T> the payload; each consumer declares its own record for it
 */
public record CloudEvent<T>(String specversion, String id, String source, String type, @Nullable String subject,
		Instant time, String datacontenttype, T data) {

	public static final String SPEC_VERSION = "1.0";

	public static final String CONTENT_TYPE = "application/cloudevents+json";
}
