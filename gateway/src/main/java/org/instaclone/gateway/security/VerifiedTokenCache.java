package org.instaclone.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

import com.github.benmanes.caffeine.cache.Ticker;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.instaclone.tokens.VerifiedTokens;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * A {@link ReactiveJwtDecoder} that verifies each access token once and then answers from
 * {@link VerifiedTokens} (module token-cache: the same rules as the services' decoder). A token still
 * in use near the end of its entry's life is verified again on the given executor, never on the event
 * loop.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder verifier;

	private final VerifiedTokens verified;

	VerifiedTokenCache(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, long maxSize,
			Duration maxAge, Clock clock, Ticker ticker, Executor executor) {
		this.verifier = verifier;
		this.verified = new VerifiedTokens(validator,
				// deferred: a decoder may parse (or more) when called, and none of it belongs on the event loop
				(token, on) -> Mono.defer(() -> verifier.decode(token)).subscribeOn(Schedulers.fromExecutor(on)).toFuture(),
				maxSize, maxAge, clock, ticker, executor);
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt remembered;
		try {
			remembered = this.verified.recall(token);
		}
		catch (JwtException ex) {
			return Mono.error(ex);
		}
		if (remembered != null) {
			return Mono.just(remembered);
		}
		// an error (bad signature, bad claims, keys unavailable) stores nothing
		return this.verifier.decode(token).doOnNext((jwt) -> this.verified.remember(token, jwt));
	}

	long size() {
		return this.verified.size();
	}
}
