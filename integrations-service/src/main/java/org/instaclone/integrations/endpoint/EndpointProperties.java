package org.instaclone.integrations.endpoint;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Endpoint secrets and health.
 * @param secretKey base64 of the 32-byte AES key that encrypts signing secrets at rest; production
 * sets {@code INTEGRATIONS_SECRET_KEY} (from a secret store), the local runner a random key of its own.
 * The default is {@link SecretCipher#PUBLIC_DEV_KEY}, which the service refuses unless
 * {@code allowDevKey}
 * @param allowDevKey whether the public development key may be used ({@code INTEGRATIONS_ALLOW_DEV_KEY};
 * tests and throw-away local setups only)
 * @param secretOverlap how long a rotated-out secret keeps signing next to its successor
 * @param disableAfterFailing an endpoint whose every attempt failed for this long is disabled
 */
@ConfigurationProperties("instaclone.integrations.endpoints")
record EndpointProperties(String secretKey, @DefaultValue("24h") Duration secretOverlap,
		@DefaultValue("5d") Duration disableAfterFailing, @DefaultValue("false") boolean allowDevKey) {
}
