package org.instaclone.integrations.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks symmetric signatures: {@code v1,} + base64 HMAC-SHA256, keyed with the base64
 * bytes after {@code whsec_}, over {@code id.timestamp.body} (the exact bytes sent). Several secrets
 * (during a rotation) give several signatures, space-separated in one {@code webhook-signature}.
 */
final class WebhookSignatures {

	private WebhookSignatures() {
	}

	static String sign(String msgId, long timestamp, byte[] body, List<String> secrets) {
		return secrets.stream().map(secret -> "v1," + signature(msgId, timestamp, body, secret))
			.collect(Collectors.joining(" "));
	}

	/** One per thread: {@code Mac.getInstance} looks the provider up each time; {@code init} resets it. */
	private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
		try {
			return Mac.getInstance("HmacSHA256");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
		}
	});

	private static String signature(String msgId, long timestamp, byte[] body, String secret) {
		String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
		try {
			Mac mac = MACS.get();
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
			mac.update((msgId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
		}
	}
}
