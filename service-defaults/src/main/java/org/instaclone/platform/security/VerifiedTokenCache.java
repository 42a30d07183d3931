package org.instaclone.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

import com.github.benmanes.caffeine.cache.Ticker;

import org.instaclone.tokens.VerifiedTokens;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that verifies each access token once and then answers from
 * {@link VerifiedTokens} (module token-cache: the rules, shared with the gateway's reactive twin). A
 * token still in use near the end of its entry's life is verified again on the common pool, not on a
 * request's thread.
 */
public final class VerifiedTokenCache implements JwtDecoder {

	private final JwtDecoder verifier;

	private final VerifiedTokens verified;

	/**
	 * @param verifier checks signature and claims (a {@code NimbusJwtDecoder} with its validator)
	 * @param validator the claim rules, re-applied to a remembered token on every use
	 * @param maxSize the most tokens remembered
	 * @param maxAge the longest a verified token is remembered
	 * @param clock the clock for entry lifetimes (the validator has its own)
	 */
	public VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, long maxSize, Duration maxAge,
			Clock clock) {
		this(verifier, validator, maxSize, maxAge, clock, Ticker.systemTicker(), ForkJoinPool.commonPool());
	}

	VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, long maxSize, Duration maxAge,
			Clock clock, Ticker ticker, Executor executor) {
		this.verifier = verifier;
		this.verified = new VerifiedTokens(validator,
				(token, on) -> CompletableFuture.supplyAsync(() -> verifier.decode(token), on), maxSize, maxAge, clock,
				ticker, executor);
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt remembered = this.verified.recall(token);
		if (remembered != null) {
			return remembered;
		}
		Jwt jwt = this.verifier.decode(token); // throws for anything not valid: nothing is stored then
		this.verified.remember(token, jwt);
		return jwt;
	}

	/** How many tokens are remembered right now (after pending evictions). */
	long size() {
		return this.verified.size();
	}
}
