package org.instaclone.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A test token issuer: an ES256 key published on a real JWKS endpoint (a JDK HTTP server on a random
 * loopback port) and tokens shaped exactly like follow-service's. Services under test verify them
 * over HTTP, as in production. Variants let security tests forge bad tokens.
 */
public final class TestTokens {

	public static final String ISSUER = "http://instaclone.test";

	public static final String AUDIENCE = "instaclone-api";

	private static final ECKey KEY = generate();

	private static final ECKey ATTACKER_KEY = generate();

	private static HttpServer server;

	private TestTokens() {
	}

	public static synchronized String jwksUri() {
		if (server == null) {
			try {
				server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			byte[] jwks = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			server.createContext("/.well-known/jwks.json", exchange -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, jwks.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(jwks);
				}
			});
			server.start();
		}
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
	}

	/** A valid access token for the user. */
	public static String accessToken(UUID userId, String handle) {
		return token(userId, handle, header -> {
		}, claims -> {
		});
	}

	/** A token for the user with the header and claims adjusted, signed with the trusted key. */
	public static String token(UUID userId, String handle, Consumer<JWSHeader.Builder> header,
			Consumer<JWTClaimsSet.Builder> claims) {
		return sign(KEY, userId, handle, header, claims);
	}

	/** A well-formed token claiming the trusted key id but signed with another key. */
	public static String forgedToken(UUID userId, String handle) {
		ECKey forged = new ECKey.Builder(ATTACKER_KEY).keyID(KEY.getKeyID()).build();
		return sign(forged, userId, handle, header -> {
		}, claims -> {
		});
	}

	private static String sign(ECKey key, UUID userId, String handle, Consumer<JWSHeader.Builder> header,
			Consumer<JWTClaimsSet.Builder> claims) {
		Instant now = Instant.now();
		JWSHeader.Builder h = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
			.type(new JOSEObjectType("at+jwt"));
		header.accept(h);
		JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(List.of(AUDIENCE))
			.subject(userId.toString())
			.claim("handle", handle)
			.claim("roles", List.of("user"))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(600)))
			.jwtID(UUID.randomUUID().toString());
		claims.accept(c);
		SignedJWT jwt = new SignedJWT(h.build(), c.build());
		try {
			jwt.sign(new ECDSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static ECKey generate() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.keyIDFromThumbprint(true)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
