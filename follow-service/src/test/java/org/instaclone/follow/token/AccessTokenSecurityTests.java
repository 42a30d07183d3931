package org.instaclone.follow.token;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.instaclone.follow.Api;
import org.instaclone.follow.IntegrationTestBase;
import org.instaclone.testsupport.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token attack matrix (RFC 8725, OWASP JWT cheat sheet) against a protected endpoint: only a
 * well-formed ES256 {@code at+jwt} from follow-service's own key, for the right issuer and audience
 * and within its lifetime, gets in. Everything else is a 401 problem.
 */
class AccessTokenSecurityTests extends IntegrationTestBase {

	@LocalServerPort
	int port;

	Api api;

	Api.SignedUp user;

	ECKey signingKey;

	@BeforeEach
	void setUp() throws Exception {
		api = new Api(port);
		user = api.signUp("sec");
		try (Stream<Path> files = Files.list(KEY_DIR)) {
			signingKey = JWK.parse(Files.readString(files.findFirst().orElseThrow())).toECKey();
		}
	}

	@Test
	void issuedTokenHasTheAdvertisedShape() throws Exception {
		SignedJWT jwt = SignedJWT.parse(user.accessToken());
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(signingKey.getKeyID());
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(TestTokens.ISSUER);
		assertThat(claims.getAudience()).containsExactly(TestTokens.AUDIENCE);
		assertThat(claims.getSubject()).isEqualTo(user.id().toString());
		long lifetime = claims.getExpirationTime().getTime() - claims.getIssueTime().getTime();
		assertThat(lifetime).isLessThanOrEqualTo(15 * 60 * 1000);
	}

	@Test
	void aTokenSignedHereWithCorrectClaimsIsAccepted() {
		assertThat(status(sign(signingKey, h -> {
		}, c -> {
		}))).isEqualTo(200);
	}

	@Test
	void noTokenIsRejected() {
		Api.Response r = api.get("/api/accounts/me", null);
		assertThat(r.status()).isEqualTo(401);
		assertThat(r.contentType()).isEqualTo("application/problem+json");
		assertThat(r.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void algNoneIsRejected() {
		String header = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}");
		String[] parts = user.accessToken().split("\\.");
		assertThat(status(header + "." + parts[1] + ".")).isEqualTo(401);
	}

	@Test
	void hs256SignedWithThePublicKeyIsRejected() throws Exception {
		byte[] secret = signingKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKey.getKeyID())
			.type(new JOSEObjectType("at+jwt"))
			.build(), claims(c -> {
			}));
		jwt.sign(new MACSigner(java.util.Arrays.copyOf(secret, Math.max(secret.length, 32))));
		assertThat(status(jwt.serialize())).isEqualTo(401);
	}

	@Test
	void wrongIssuerAudienceOrTypeIsRejected() {
		assertThat(status(sign(signingKey, h -> {
		}, c -> c.issuer("https://evil.example")))).isEqualTo(401);
		assertThat(status(sign(signingKey, h -> {
		}, c -> c.audience("another-api")))).isEqualTo(401);
		assertThat(status(sign(signingKey, h -> h.type(JOSEObjectType.JWT), c -> {
		}))).isEqualTo(401);
	}

	@Test
	void expiredTokenIsRejected() {
		Instant past = Instant.now().minusSeconds(3600);
		assertThat(status(sign(signingKey, h -> {
		}, c -> c.issueTime(Date.from(past)).notBeforeTime(Date.from(past))
			.expirationTime(Date.from(Instant.now().minusSeconds(120)))))).isEqualTo(401);
	}

	@Test
	void tamperedPayloadIsRejected() {
		String[] parts = user.accessToken().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace(user.id().toString(), UUID.randomUUID().toString());
		assertThat(status(parts[0] + "." + b64(payload) + "." + parts[2])).isEqualTo(401);
	}

	@Test
	void forgedSignatureUnderOurKeyIdAndUnknownKeyIdAreRejected() throws Exception {
		ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID(signingKey.getKeyID()).generate();
		assertThat(status(sign(attacker, h -> {
		}, c -> {
		}))).isEqualTo(401);
		ECKey unknown = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
		assertThat(status(sign(unknown, h -> {
		}, c -> {
		}))).isEqualTo(401);
	}

	private int status(String token) {
		Api.Response r = api.get("/api/accounts/me", token);
		if (r.status() == 401) {
			JsonNode body = r.body();
			assertThat(r.contentType()).isEqualTo("application/problem+json");
			assertThat(body.get("type").asString()).endsWith("/unauthorized");
		}
		return r.status();
	}

	private String sign(ECKey key, Consumer<JWSHeader.Builder> header, Consumer<JWTClaimsSet.Builder> claims) {
		JWSHeader.Builder h = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
			.type(new JOSEObjectType("at+jwt"));
		header.accept(h);
		SignedJWT jwt = new SignedJWT(h.build(), claims(claims));
		try {
			jwt.sign(new ECDSASigner(key));
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> adjust) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER)
			.audience(List.of(TestTokens.AUDIENCE))
			.subject(user.id().toString())
			.claim("handle", user.handle())
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)));
		adjust.accept(c);
		return c.build();
	}

	private static String b64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}
}
