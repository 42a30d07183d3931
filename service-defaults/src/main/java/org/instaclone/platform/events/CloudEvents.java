package org.instaclone.platform.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads CloudEvents JSON into the consumer's own payload record. Tolerant of fields the consumer
 * does not know, so producers can add fields without breaking consumers.
 */
public class CloudEvents {

	private final JsonMapper json;

	CloudEvents(JsonMapper json) {
		this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	public <T> CloudEvent<T> read(String payload, Class<T> dataType) {
		JavaType type = json.getTypeFactory().constructParametricType(CloudEvent.class, dataType);
		return json.readValue(payload, type);
	}
}
