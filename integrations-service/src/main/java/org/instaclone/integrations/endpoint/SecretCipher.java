package org.instaclone.integrations.endpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Signing secrets at rest. Standard Webhooks signs with HMAC, so the sender needs the secret itself
 * (hashing it, as for passwords, is impossible); it is stored encrypted with AES-256-GCM under a key
 * that lives outside the database ({@code INTEGRATIONS_SECRET_KEY}), so a database dump or backup
 * alone does not reveal it. The endpoint id is the associated data: a ciphertext copied to another
 * row does not decrypt. Stored form: {@code enc:v1:} + base64(12-byte nonce || ciphertext || tag).
 * Rows from before encryption hold the clear {@code whsec_} value and are read as such.
 */
@Component
class SecretCipher {

	private static final String PREFIX = "enc:v1:";

	/**
	 * The development key in {@code application.yml}: public (it is in the repository), so secrets
	 * sealed with it are as good as clear. Refused unless {@link EndpointProperties#allowDevKey()}.
	 */
	static final String PUBLIC_DEV_KEY = "ZGV2LW9ubHktd2ViaG9vay1zZWNyZXQta2V5LTMyYiE=";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	SecretCipher(EndpointProperties properties) {
		if (PUBLIC_DEV_KEY.equals(properties.secretKey().strip()) && !properties.allowDevKey()) {
			throw new IllegalStateException("""
					INTEGRATIONS_SECRET_KEY is not set, so webhook signing secrets would be encrypted with the \
					public development key. Set INTEGRATIONS_SECRET_KEY to base64 of 32 random bytes \
					(openssl rand -base64 32) and keep it: secrets sealed under one key do not open under another. \
					For a throw-away local setup only, INTEGRATIONS_ALLOW_DEV_KEY=true accepts the public key.""");
		}
		byte[] raw = Base64.getDecoder().decode(properties.secretKey());
		if (raw.length != 32) {
			throw new IllegalStateException("instaclone.integrations.endpoints.secret-key must be base64 of 32 bytes");
		}
		this.key = new SecretKeySpec(raw, "AES");
	}

	String seal(String secret, UUID endpointId) {
		try {
			byte[] nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.US_ASCII));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
			byte[] out = new byte[nonce.length + sealed.length];
			System.arraycopy(nonce, 0, out, 0, nonce.length);
			System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a signing secret", ex);
		}
	}

	String open(String stored, UUID endpointId) {
		if (stored.startsWith(SigningSecrets.PREFIX)) {
			return stored; // written before encryption at rest
		}
		if (!stored.startsWith(PREFIX)) {
			throw new IllegalStateException("Unknown secret format for endpoint " + endpointId);
		}
		try {
			byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
			cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.US_ASCII));
			return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.US_ASCII);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt the signing secret of endpoint " + endpointId
					+ " (wrong INTEGRATIONS_SECRET_KEY?)", ex);
		}
	}
}
