package org.instaclone.integrations.endpoint;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Webhook signing secrets: {@code whsec_} + base64 of 32 random bytes (256 bits). Shown to the app's
 * owner once, when the endpoint is created; never returned or logged afterwards.
 */
final class SigningSecrets {

	static final String PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private SigningSecrets() {
	}

	static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getEncoder().encodeToString(bytes);
	}
}
