package org.instaclone.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.instaclone.testsupport.JwksStandIn;
import org.instaclone.testsupport.TestTokens;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The gateway's decoder with {@code instaclone.security.jwks-cache-file}: keys fetched over HTTP from a
 * stand-in for follow-service are written to the file, and a new decoder (a restarted gateway) verifies
 * tokens from it while the JWKS is down. Without a usable file it answers as before: keys unavailable
 * (503).
 */
class SigningKeysFileTests {

	@TempDir
	Path data;

	@Test
	void aRestartedGatewayVerifiesTokensWithTheKeysOnDiskWhileTheJwksIsDown() throws Exception {
		Path file = this.data.resolve("jwks.json");
		JWK privateKey = new ECKeyGenerator(Curve.P_256).keyID("private-ec").generate();
		JWKSet careless = new JWKSet(List.of(JwksStandIn.testTokensKeys().getKeys().get(0), privateKey));
		String token = TestTokens.accessToken(UUID.randomUUID(), "ada");
		URI jwksUri;
		try (JwksStandIn jwks = JwksStandIn.serving(careless.toString(false))) {
			jwksUri = jwks.uri();
			assertThat(decode(decoder(jwksUri, file.toString()), token).getClaimAsString("handle")).isEqualTo("ada");
		}
		String written = Files.readString(file);
		assertThat(JWKSet.parse(written).getKeys()).hasSize(2).noneMatch(JWK::isPrivate);
		assertThat(written).doesNotContain("\"d\"");

		// follow-service is killed (above), then the gateway restarts
		AccessTokenDecoder restarted = decoder(jwksUri, file.toString());
		assertThat(decode(restarted, TestTokens.accessToken(UUID.randomUUID(), "bob")).getClaimAsString("handle"))
			.isEqualTo("bob");
		assertThat(decode(restarted, token).getClaimAsString("handle")).isEqualTo("ada");
		// an unknown key or a forged signature is still an invalid token (401)
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decode(restarted,
				TestTokens.token(UUID.randomUUID(), "eve", h -> h.keyID("unknown"), c -> {
				})));
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> decode(restarted, TestTokens.forgedToken(UUID.randomUUID(), "eve")));
	}

	@Test
	void withoutAUsableFileARestartedGatewaySaysTheKeysAreUnavailableAsBefore() throws IOException {
		URI gone;
		try (JwksStandIn jwks = JwksStandIn.serving(JwksStandIn.testTokensKeys().toString())) {
			gone = jwks.uri();
		}
		String token = TestTokens.accessToken(UUID.randomUUID(), "ada");

		// property empty (the default), nothing on disk yet, a corrupt file: 503 authentication-unavailable
		Path corrupt = Files.writeString(this.data.resolve("corrupt.json"), "{\"keys\": [{\"kty\"");
		for (String cacheFile : List.of("", this.data.resolve("jwks.json").toString(), corrupt.toString())) {
			AccessTokenDecoder decoder = decoder(gone, cacheFile); // a corrupt file does not fail start-up
			assertThatExceptionOfType(AccessTokenDecoder.KeysUnavailableException.class)
				.as("cache file '%s'", cacheFile)
				.isThrownBy(() -> decode(decoder, token));
		}
		assertThat(this.data.resolve("jwks.json")).doesNotExist();
	}

	private static AccessTokenDecoder decoder(URI jwks, String cacheFile) {
		return new AccessTokenDecoder(new TokenProperties(TestTokens.ISSUER, TestTokens.AUDIENCE, jwks,
				Duration.ofMinutes(5), cacheFile, new TokenProperties.TokenCache(0, Duration.ZERO)));
	}

	private static Jwt decode(AccessTokenDecoder decoder, String token) {
		return decoder.decode(token).block(Duration.ofSeconds(10));
	}
}
