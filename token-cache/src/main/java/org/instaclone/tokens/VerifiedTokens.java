package org.instaclone.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
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
 * <li>an entry lives until the token's {@code exp} or {@code maxAge} after its last successful
 * verification, whichever is first, so a signing key removed from the JWKS stops being honoured within
 * {@code maxAge};
 * <li>at most {@code maxSize} tokens are held (least valuable evicted first), so a flood of distinct
 * valid tokens costs bounded memory.
 * </ul>
 * A token still in use when its entry is three quarters of {@code maxAge} old is verified again in the
 * background (Caffeine's {@code refreshAfterWrite}, on the given executor) while the request that
 * noticed it is answered from the entry: verified, it starts a new {@code maxAge}; rejected (bad
 * signature, unknown key, claims no longer valid), it is forgotten at once; when the keys cannot be
 * fetched it keeps its old lifetime and expires on schedule. Without this, every token a busy client
 * population presented within a few seconds of a restart would be verified again on the request path
 * in the same few seconds each {@code maxAge} (a measured wave of 0.4-2 s medians, docs/performance.md).
 * <p>
 * The key is the SHA-256 of the token, so the cache (a heap dump, a log line) never holds the token
 * string as a key; the value is the decoded {@link Jwt} (which carries the token, for the re-check).
 */
public final class VerifiedTokens {

	/** Verifies a token again, off the request path: signature, keys and claims, as the first time. */
	@FunctionalInterface
	public interface Reverifier {

		/**
		 * @param token the remembered token
		 * @param executor where blocking or CPU-heavy work should run
		 * @return the verified token; completed with a {@link BadJwtException} when it is no longer
		 * valid, with another exception when it could not be checked (keys unavailable)
		 */
		CompletableFuture<Jwt> verify(String token, Executor executor);
	}

	private static final Logger logger = LoggerFactory.getLogger(VerifiedTokens.class);

	private final OAuth2TokenValidator<Jwt> validator;

	private final LoadingCache<String, Verified> verified;

	private final Clock clock;

	/**
	 * @param validator the claim rules, re-applied to a remembered token on every use
	 * @param reverifier checks a remembered token again before its entry reaches {@code maxAge}
	 * @param maxSize the most tokens remembered
	 * @param maxAge the longest a verified token is remembered without being verified again
	 * @param clock the clock for entry lifetimes (the validator has its own)
	 * @param ticker Caffeine's clock for expiring and refreshing entries ({@link Ticker#systemTicker()}
	 * outside tests)
	 * @param executor where re-verifications run (the common pool outside tests)
	 */
	public VerifiedTokens(OAuth2TokenValidator<Jwt> validator, Reverifier reverifier, long maxSize, Duration maxAge,
			Clock clock, Ticker ticker, Executor executor) {
		this.validator = validator;
		this.clock = clock;
		Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maxSize).ticker(ticker).executor(executor);
		Duration refreshAfter = maxAge.multipliedBy(3).dividedBy(4);
		if (refreshAfter.compareTo(Duration.ZERO) > 0) { // a max-age of 0 remembers nothing: nothing to refresh
			builder.refreshAfterWrite(refreshAfter);
		}
		this.verified = builder
			.expireAfter(Expiry.<String, Verified>writing((key, entry) -> entry.lifetime(maxAge, clock.instant())))
			.build(new Reverification(reverifier, clock));
	}

	/**
	 * The remembered token, validated again; {@code null} when it is not remembered (verify it, then
	 * {@link #remember} it).
	 * @throws JwtValidationException when it is remembered but no longer valid (it is forgotten then)
	 */
	public @Nullable Jwt recall(String token) {
		String key = hash(token);
		Verified remembered = this.verified.getIfPresent(key);
		if (remembered == null) {
			return null;
		}
		OAuth2TokenValidatorResult result = this.validator.validate(remembered.jwt());
		if (result.hasErrors()) {
			this.verified.invalidate(key);
			throw new JwtValidationException("Invalid token", result.getErrors());
		}
		return remembered.jwt();
	}

	/** Remembers a token its verifier accepted; never call it for anything else. */
	public void remember(String token, Jwt verified) {
		this.verified.put(hash(token), new Verified(verified, this.clock.instant()));
	}

	/** How many tokens are remembered right now (after pending evictions). */
	public long size() {
		this.verified.cleanUp();
		return this.verified.estimatedSize();
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

	/** A verified token and when its verification started: its entry's lifetime counts from then. */
	private record Verified(Jwt jwt, Instant at) {

		Duration lifetime(Duration maxAge, Instant now) {
			Instant end = this.at.plus(maxAge);
			Instant expiresAt = this.jwt.getExpiresAt();
			if (expiresAt != null && expiresAt.isBefore(end)) {
				end = expiresAt;
			}
			Duration left = Duration.between(now, end);
			return left.isNegative() ? Duration.ZERO : left;
		}
	}

	/**
	 * Caffeine's refresh of an entry: the token verified again. Entries are only ever {@link #remember
	 * put}, never loaded by key (a hash cannot be verified).
	 */
	private record Reverification(Reverifier reverifier, Clock clock) implements CacheLoader<String, Verified> {

		@Override
		public Verified load(String key) {
			throw new UnsupportedOperationException("verified tokens are remembered, not loaded");
		}

		@Override
		public CompletableFuture<? extends @Nullable Verified> asyncReload(String key, Verified old, Executor executor) {
			Instant started = this.clock.instant();
			return this.reverifier.verify(old.jwt().getTokenValue(), executor)
				.handle((jwt, failure) -> (failure == null) ? new Verified(jwt, started) : afterFailure(old, failure));
		}

		/** Rejected: forgotten (a null refresh removes the entry). Not checkable: the old lifetime stands. */
		private static @Nullable Verified afterFailure(Verified old, Throwable failure) {
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			if (cause instanceof BadJwtException) {
				return null;
			}
			logger.debug("A remembered token could not be verified again ({}); it expires on schedule",
					cause.toString());
			// a copy, so Caffeine counts the refresh as done (not again on the next use); the lifetime
			// still counts from the old verification
			return new Verified(old.jwt(), old.at());
		}
	}
}
