package org.instaclone.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers verified access tokens so the ES256 signature is checked once per token, not once per
 * request; the reactive twin of service-defaults' {@code VerifiedTokenCache} (same rules). Only
 * tokens the verifier accepted are stored (a rejected or changed token never is), a remembered token
 * is validated again on every use (so it is refused the moment it expires), an entry lives until the
 * token's {@code exp} or {@code maxAge}, whichever is first, and at most {@code maxSize} are kept.
 * Keys are the SHA-256 of the token, never the token itself.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Cache<String, Jwt> verified;

	VerifiedTokenCache(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, long maxSize,
			Duration maxAge, Clock clock, Ticker ticker) {
		this.verifier = verifier;
		this.validator = validator;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maxSize)
			.ticker(ticker)
			.expireAfter(Expiry.<String, Jwt>creating((key, jwt) -> lifetime(jwt, maxAge, clock.instant())))
			.build();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		String key = hash(token);
		Jwt remembered = this.verified.getIfPresent(key);
		if (remembered != null) {
			OAuth2TokenValidatorResult result = this.validator.validate(remembered);
			if (!result.hasErrors()) {
				return Mono.just(remembered);
			}
			this.verified.invalidate(key);
			return Mono.error(new JwtValidationException("Invalid token", result.getErrors()));
		}
		// an error (bad signature, bad claims, keys unavailable) stores nothing
		return this.verifier.decode(token).doOnNext(jwt -> this.verified.put(key, jwt));
	}

	long size() {
		this.verified.cleanUp();
		return this.verified.estimatedSize();
	}

	private static Duration lifetime(Jwt jwt, Duration maxAge, Instant now) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null) {
			return maxAge;
		}
		Duration left = Duration.between(now, expiresAt);
		if (left.isNegative()) {
			return Duration.ZERO;
		}
		return left.compareTo(maxAge) < 0 ? left : maxAge;
	}

	private static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}
}
