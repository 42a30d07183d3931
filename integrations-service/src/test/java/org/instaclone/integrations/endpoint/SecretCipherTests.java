package org.instaclone.integrations.endpoint;

import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretCipherTests {

	static SecretCipher cipher(byte fill) {
		byte[] key = new byte[32];
		java.util.Arrays.fill(key, fill);
		return new SecretCipher(new EndpointProperties(Base64.getEncoder().encodeToString(key), Duration.ofHours(24),
				Duration.ofDays(5), false));
	}

	@Test
	void sealsSoThatOnlyTheSameKeyAndEndpointOpen() {
		SecretCipher cipher = cipher((byte) 1);
		UUID endpoint = UUID.randomUUID();
		String secret = SigningSecrets.generate();
		String sealed = cipher.seal(secret, endpoint);
		assertThat(sealed).startsWith("enc:v1:").doesNotContain(secret.substring(6));
		assertThat(cipher.seal(secret, endpoint)).isNotEqualTo(sealed);
		assertThat(cipher.open(sealed, endpoint)).isEqualTo(secret);
		assertThatIllegalStateException().isThrownBy(() -> cipher.open(sealed, UUID.randomUUID()));
		assertThatIllegalStateException().isThrownBy(() -> cipher((byte) 2).open(sealed, endpoint));
	}

	@Test
	void readsSecretsStoredBeforeEncryption() {
		String legacy = SigningSecrets.generate();
		assertThat(cipher((byte) 1).open(legacy, UUID.randomUUID())).isEqualTo(legacy);
	}

	@Test
	void refusesThePublicDevelopmentKeyUnlessAllowed() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SecretCipher(new EndpointProperties(SecretCipher.PUBLIC_DEV_KEY, Duration.ofHours(24),
					Duration.ofDays(5), false)))
			.withMessageContaining("INTEGRATIONS_SECRET_KEY is not set")
			.withMessageContaining("INTEGRATIONS_ALLOW_DEV_KEY=true");
		SecretCipher dev = new SecretCipher(new EndpointProperties(SecretCipher.PUBLIC_DEV_KEY, Duration.ofHours(24),
				Duration.ofDays(5), true));
		UUID endpoint = UUID.randomUUID();
		assertThat(dev.open(dev.seal("whsec_x", endpoint), endpoint)).isEqualTo("whsec_x");
	}
}
