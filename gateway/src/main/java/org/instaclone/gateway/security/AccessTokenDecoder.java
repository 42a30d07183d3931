package org.instaclone.gateway.security;

import java.net.MalformedURLException;
import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.SignedJWT;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.instaclone.tokens.KnownKeysWhenRateLimited;
import org.instaclone.tokens.LastKnownSigningKeys;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Verifies access tokens: ES256 only, {@code typ: at+jwt} (RFC 9068), expected issuer and audience,
 * not expired. Keys come from follow-service's JWKS through Nimbus' caching source, the same policy
 * as the services: keys are refreshed after a TTL (so a removed key stops being trusted), an unknown
 * {@code kid} triggers at most one refetch per rate-limit window, and cached keys stay in use while
 * follow-service is down. With {@code instaclone.security.jwks-cache-file} the last keys fetched are
 * also kept on disk ({@link LastKnownSigningKeys}, shared with the services), so a gateway restarted
 * while follow-service is down still verifies tokens signed before.
 * <p>
 * The stock reactive decoder caches keys forever and answers 500 when the JWKS cannot be fetched.
 * Here a key not among the known keys is an invalid token (401) and unreachable keys with nothing
 * cached are a {@link KeysUnavailableException}, which the security layer answers with 503, also when
 * the rate limit stops the fetch ({@link KnownKeysWhenRateLimited}, shared with the services): a good
 * token is never a 401 because no keys are known.
 */
final class AccessTokenDecoder implements ReactiveJwtDecoder {

	static final String TYPE = "at+jwt";

	private final ReactiveJwtDecoder delegate;

	AccessTokenDecoder(TokenProperties properties) {
		// a lookup the rate limit stops is answered from the keys in memory (none known: still a 503)
		JWKSource<SecurityContext> keys = new KnownKeysWhenRateLimited<>(keySource(properties));
		NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSource(jwt -> select(keys, jwt))
			.jwsAlgorithm(SignatureAlgorithm.ES256)
			.validateType(false) // typ is checked by JwtTypeValidator below, which accepts at+jwt
			.build();
		nimbus.setJwtValidator(validator(properties.issuer(), properties.audience()));
		this.delegate = nimbus;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		return delegate.decode(token)
			.onErrorMap(ex -> !(ex instanceof JwtException), ex -> new KeysUnavailableException(ex));
	}

	static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
		return validator(issuer, audience, Clock.systemUTC());
	}

	static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Clock clock) {
		JwtTimestampValidator time = new JwtTimestampValidator();
		time.setClock(clock);
		return new DelegatingOAuth2TokenValidator<>(List.of(time, new JwtIssuerValidator(issuer),
				new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)),
				new JwtTypeValidator(TYPE)));
	}

	private static JWKSource<SecurityContext> keySource(TokenProperties properties) {
		long ttl = properties.jwksCacheTtl().toMillis();
		// Nimbus' default HTTP client (500 ms timeouts, 50 KiB), given explicitly so the cache file can record it
		DefaultResourceRetriever http = new DefaultResourceRetriever(JWKSourceBuilder.DEFAULT_HTTP_CONNECT_TIMEOUT,
				JWKSourceBuilder.DEFAULT_HTTP_READ_TIMEOUT, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
		try {
			// with instaclone.security.jwks-cache-file, the keys also survive a restart during an outage
			return LastKnownSigningKeys
				.<SecurityContext>sourceBuilder(properties.jwksUri().toURL(), http, properties.jwksCacheFile())
				.cache(ttl, 5_000)
				.outageTolerantForever()
				.rateLimited(Math.min(30_000, ttl / 2))
				.build();
		}
		catch (MalformedURLException ex) {
			throw new IllegalArgumentException("instaclone.security.jwks-uri is not a URL: " + properties.jwksUri(), ex);
		}
	}

	/** The keys matching the token's header; fetching may block on HTTP, so it runs off the event loop. */
	private static Flux<JWK> select(JWKSource<SecurityContext> keys, SignedJWT jwt) {
		return Mono.fromCallable(() -> keys.get(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())), null))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMapMany(Flux::fromIterable);
	}

	/** The signing keys could not be obtained (follow-service unreachable and none cached). */
	static final class KeysUnavailableException extends JwtException {

		KeysUnavailableException(Throwable cause) {
			super("The token signing keys are unavailable: " + cause.getMessage(), cause);
		}
	}

	static boolean isKeySourceFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof KeysUnavailableException || t instanceof KeySourceException) {
				return true;
			}
		}
		return false;
	}
}
