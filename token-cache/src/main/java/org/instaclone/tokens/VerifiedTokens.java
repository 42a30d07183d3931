package org.instaclone.tokens;

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
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens that were verified, so a client sending the same access token on every request
 * costs one ES256 signature check per token, not one per request (the check was ~28 % of a cheap
 * request's CPU, see docs/performance.md). The decoders in front of which it sits (service-defaults'
 * {@code VerifiedTokenCache}, the gateway's reactive one) only {@link #remember} what their verifier
 * accepted and {@link #recall} before verifying.
 * <p>
 * Nothing gets weaker:
 * <ul>
 * <li>only tokens the verifier accepted (signature, issuer, audience, type, time) are stored; a token
 * with a bad signature, or any rejected token, is never cached, and a changed token is a different key;
 * <li>a remembered token is validated again on every use (the same validator, so an expired token is
 * rejected at once even if its entry is still there);
 * <li>an entry lives until the token's {@code exp} or {@code maxAge} after verification, whichever is
 * first, so a signing key removed from the JWKS stops being honoured within {@code maxAge};
 * <li>at most {@code maxSize} tokens are held (least valuable evicted first), so a flood of distinct
 * valid tokens costs bounded memory.
 * </ul>
 * The key is the SHA-256 of the token, so the cache (a heap dump, a log line) never holds the token
 * string as a key; the value is the decoded {@link Jwt}.
 */
public final class VerifiedTokens {

	private final OAuth2TokenValidator<Jwt> validator;

	private final Cache<String, Jwt> verified;

	/**
	 * @param validator the claim rules, re-applied to a remembered token on every use
	 * @param maxSize the most tokens remembered
	 * @param maxAge the longest a verified token is remembered
	 * @param clock the clock for entry lifetimes (the validator has its own)
	 * @param ticker Caffeine's clock for expiring entries ({@link Ticker#systemTicker()} outside tests)
	 */
	public VerifiedTokens(OAuth2TokenValidator<Jwt> validator, long maxSize, Duration maxAge, Clock clock,
			Ticker ticker) {
		this.validator = validator;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maxSize)
			.ticker(ticker)
			.expireAfter(Expiry.<String, Jwt>creating((key, jwt) -> lifetime(jwt, maxAge, clock.instant())))
			.build();
	}

	/**
	 * The remembered token, validated again; {@code null} when it is not remembered (verify it, then
	 * {@link #remember} it).
	 * @throws JwtValidationException when it is remembered but no longer valid (it is forgotten then)
	 */
	public @Nullable Jwt recall(String token) {
		String key = hash(token);
		Jwt remembered = this.verified.getIfPresent(key);
		if (remembered == null) {
			return null;
		}
		OAuth2TokenValidatorResult result = this.validator.validate(remembered);
		if (result.hasErrors()) {
			this.verified.invalidate(key);
			throw new JwtValidationException("Invalid token", result.getErrors());
		}
		return remembered;
	}

	/** Remembers a token its verifier accepted; never call it for anything else. */
	public void remember(String token, Jwt verified) {
		this.verified.put(hash(token), verified);
	}

	/** How many tokens are remembered right now (after pending evictions). */
	public long size() {
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
