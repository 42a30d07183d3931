package org.instaclone.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.instaclone.testsupport.JwksStandIn;
import org.instaclone.testsupport.TestTokens;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The last-known-good signing keys on disk ({@code instaclone.security.jwks-cache-file}) with the
 * services' real decoder: keys fetched over HTTP from a stand-in for follow-service are written to the
 * file, and a new decoder (a restarted service) verifies tokens from that file while the JWKS is down.
 */
@ExtendWith(OutputCaptureExtension.class)
class SigningKeysFileTests {

	@TempDir
	Path data;

	private final List<JwksStandIn> follow = new ArrayList<>();

	@AfterEach
	void stopFollowService() {
		this.follow.forEach(JwksStandIn::close);
	}

	@Test
	void keysFetchedAreKeptOnDiskAndARestartedServiceVerifiesWithThemWhileTheJwksIsDown(CapturedOutput output)
			throws Exception {
		Path file = this.data.resolve("keys/jwks.json"); // the folder is created on first write
		JWK signing = JwksStandIn.testTokensKeys().getKeys().get(0);
		// follow-service publishes public keys; the file must hold nothing more even if it did not
		JWKSet careless = new JWKSet(List.of(signing, privateEcKey(),
				new OctetSequenceKeyGenerator(256).keyID("shared-secret").generate()));
		JwksStandIn jwks = started(JwksStandIn.serving(careless.toString(false)));
		String token = TestTokens.accessToken(UUID.randomUUID(), "ada");

		JwtDecoder running = decoder(jwks.uri(), file.toString());
		assertThat(running.decode(token).getClaimAsString("handle")).isEqualTo("ada");

		String written = Files.readString(file);
		JWKSet onDisk = JWKSet.parse(written);
		assertThat(onDisk.getKeys()).extracting(JWK::getKeyID).containsExactly(signing.getKeyID(), "private-ec");
		assertThat(onDisk.getKeys()).noneMatch(JWK::isPrivate);
		assertThat(written).doesNotContain("\"d\"").doesNotContain("\"k\"").doesNotContain("shared-secret");
		try (var files = Files.list(file.getParent())) {
			assertThat(files).containsExactly(file); // no temporary file left behind
		}

		// follow-service is killed, then this service restarts
		jwks.close();
		JwtDecoder restarted = decoder(jwks.uri(), file.toString());
		String signedBefore = TestTokens.accessToken(UUID.randomUUID(), "bob");
		assertThat(restarted.decode(signedBefore).getClaimAsString("handle")).isEqualTo("bob");
		assertThat(restarted.decode(token).getClaimAsString("handle")).isEqualTo("ada");
		// the file holds keys, not a pass: a key it does not have and a forged signature still fail
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> restarted
			.decode(TestTokens.token(UUID.randomUUID(), "eve", h -> h.keyID("unknown"), c -> {
			})));
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> restarted.decode(TestTokens.forgedToken(UUID.randomUUID(), "eve")));

		// said once, without key material
		assertThat(output.getAll().split("could not be fetched", -1)).hasSize(2);
		assertThat(output.getAll()).doesNotContain(((ECKey) signing).getX().toString());

		// follow-service answers, but with a server error: the same
		JwksStandIn failing = started(JwksStandIn.failing());
		JwtDecoder restartedAgain = decoder(failing.uri(), file.toString());
		assertThat(restartedAgain.decode(TestTokens.accessToken(UUID.randomUUID(), "cy")).getSubject()).isNotNull();
		assertThat(failing.requests()).isPositive();
	}

	@Test
	void withoutTheFileARestartedServiceRejectsTokensAsBefore() {
		JwksStandIn jwks = started(JwksStandIn.serving(JwksStandIn.testTokensKeys().toString()));
		jwks.close();
		String token = TestTokens.accessToken(UUID.randomUUID(), "ada");

		// property empty (the default): the token cannot be checked (a JwtException, not BadJwtException)
		JwtDecoder memoryOnly = decoder(jwks.uri(), "");
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> memoryOnly.decode(token))
			.isNotInstanceOf(BadJwtException.class)
			.withMessageContaining("decode the Jwt");

		// property set, but nothing was ever fetched: the same
		JwtDecoder nothingOnDisk = decoder(jwks.uri(), this.data.resolve("jwks.json").toString());
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> nothingOnDisk.decode(token))
			.isNotInstanceOf(BadJwtException.class)
			.withMessageContaining("decode the Jwt");
		assertThat(this.data.resolve("jwks.json")).doesNotExist();
	}

	@Test
	void aCorruptOrUnreadableFileIsIgnoredAndReplacedByTheNextFetch() throws Exception {
		Path file = this.data.resolve("jwks.json");
		Files.writeString(file, "{\"keys\": [{\"kty\": \"EC\", \"crv\""); // cut off mid-write
		JwksStandIn jwks = started(JwksStandIn.failing());
		String token = TestTokens.accessToken(UUID.randomUUID(), "ada");

		JwtDecoder starting = decoder(jwks.uri(), file.toString()); // start-up does not fail
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> starting.decode(token))
			.isNotInstanceOf(BadJwtException.class);
		// a path that cannot be read as a file does not fail start-up either
		Path directory = Files.createDirectory(this.data.resolve("a-directory"));
		assertThatNoException().isThrownBy(() -> decoder(jwks.uri(), directory.toString()));

		jwks.serve(JwksStandIn.testTokensKeys().toString()); // follow-service is back
		JwtDecoder recovered = decoder(jwks.uri(), file.toString());
		assertThat(recovered.decode(token).getSubject()).isNotNull();
		assertThat(JWKSet.parse(Files.readString(file)).getKeys()).hasSize(1);
	}

	@Test
	void theFileIsRewrittenOnlyWhenTheKeysChange() throws Exception {
		Path file = this.data.resolve("jwks.json");
		JwksStandIn jwks = started(JwksStandIn.serving(JwksStandIn.testTokensKeys().toString()));
		decoder(jwks.uri(), file.toString()).decode(TestTokens.accessToken(UUID.randomUUID(), "ada"));
		FileTime longAgo = FileTime.fromMillis(0);
		Files.setLastModifiedTime(file, longAgo);

		// a restart fetches the same keys: the file is left alone
		decoder(jwks.uri(), file.toString()).decode(TestTokens.accessToken(UUID.randomUUID(), "ada"));
		assertThat(jwks.requests()).isEqualTo(2);
		assertThat(Files.getLastModifiedTime(file)).isEqualTo(longAgo);

		// a key is added (rotation): the next fetch replaces the file
		jwks.serve(new JWKSet(List.of(JwksStandIn.testTokensKeys().getKeys().get(0), privateEcKey().toPublicJWK()))
			.toString());
		decoder(jwks.uri(), file.toString()).decode(TestTokens.accessToken(UUID.randomUUID(), "ada"));
		assertThat(jwks.requests()).isEqualTo(3);
		assertThat(JWKSet.parse(Files.readString(file)).getKeys()).hasSize(2);
		assertThat(Files.getLastModifiedTime(file)).isNotEqualTo(longAgo);
	}

	/** The decoder a service gets from service-defaults (a new one is a restarted service). */
	private static JwtDecoder decoder(URI jwks, String cacheFile) {
		SecurityProperties properties = new SecurityProperties(TestTokens.ISSUER, TestTokens.AUDIENCE, jwks,
				Duration.ofMinutes(5), cacheFile, List.of(),
				new SecurityProperties.TokenCache(4096, Duration.ofSeconds(60)));
		try {
			return new ResourceServerAutoConfiguration().jwtDecoder(properties);
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JwksStandIn started(JwksStandIn jwks) {
		this.follow.add(jwks);
		return jwks;
	}

	private static JWK privateEcKey() throws JOSEException {
		return new ECKeyGenerator(Curve.P_256).keyID("private-ec").generate();
	}
}
