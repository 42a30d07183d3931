package org.instaclone.integrations.endpoint;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SigningSecretsTests {

	@Test
	void areWhsecPrefixedBase64Of32RandomBytes() {
		String secret = SigningSecrets.generate();
		assertThat(secret).startsWith("whsec_");
		assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
		assertThat(SigningSecrets.generate()).isNotEqualTo(secret);
	}
}
