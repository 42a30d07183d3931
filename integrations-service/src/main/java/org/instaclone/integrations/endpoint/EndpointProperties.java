package org.instaclone.integrations.endpoint;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Endpoint secrets and health.
 * @param secretKey base64 of the 32-byte AES key that encrypts signing secrets at rest; production
 * sets {@code INTEGRATIONS_SECRET_KEY} (from a secret store), the default is for local development
 * @param secretOverlap how long a rotated-out secret keeps signing next to its successor
 * @param disableAfterFailing an endpoint whose every attempt failed for this long is disabled
 */
@ConfigurationProperties("instaclone.integrations.endpoints")
record EndpointProperties(String secretKey, @DefaultValue("24h") Duration secretOverlap,
		@DefaultValue("5d") Duration disableAfterFailing) {
}
