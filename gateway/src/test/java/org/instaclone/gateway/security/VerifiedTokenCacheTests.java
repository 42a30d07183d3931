package org.instaclone.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Date;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.instaclone.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The gateway's verified-token cache in front of its real decoder (ES256, keys from a JWKS endpoint):
 * a hit skips the signature check; rejected tokens are never remembered; a remembered token is
 * refused once it expires. The validator's clock and the cache's ticker move independently.
 */
class VerifiedTokenCacheTests {

	private final UUID user = UUID.randomUUID();

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

	private final AtomicLong ticks = new AtomicLong();

	private final AtomicInteger verifications = new AtomicInteger();

	/** Background work (re-verifications) waiting to run: the test runs it when it chooses. */
	private final Queue<Runnable> background = new ArrayDeque<>();

	/** What the verifier answers instead of verifying, when set (a key removed from the JWKS). */
	private final AtomicReference<RuntimeException> verifierFails = new AtomicReference<>();

	private final Clock clock = new Clock() {
		@Override
		public Instant instant() {
			return now.get();
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			throw new UnsupportedOperationException();
		}
	};

	private VerifiedTokenCache cache(long maxSize) {
		TokenProperties properties = new TokenProperties(TestTokens.ISSUER, TestTokens.AUDIENCE,
				URI.create(TestTokens.jwksUri()), Duration.ofMinutes(5), "",
				new TokenProperties.TokenCache(0, Duration.ZERO));
		AccessTokenDecoder decoder = new AccessTokenDecoder(properties);
		ReactiveJwtDecoder counting = token -> {
			this.verifications.incrementAndGet();
			RuntimeException failure = this.verifierFails.get();
			// the real decoder finishes on Reactor's bounded-elastic threads; waiting for it here keeps
			// the test's background work (and so what it asserts after runBackground) deterministic
			return (failure != null) ? Mono.error(failure) : Mono.fromCallable(() -> decoder.decode(token).block());
		};
		OAuth2TokenValidator<Jwt> validator = AccessTokenDecoder.validator(TestTokens.ISSUER, TestTokens.AUDIENCE,
				this.clock);
		return new VerifiedTokenCache(counting, validator, maxSize, Duration.ofSeconds(60), this.clock, this.ticks::get,
				this.background::add);
	}

	@Test
	void aRememberedTokenIsNotVerifiedAgainUntilItsEntryExpires() {
		VerifiedTokenCache cache = cache(100);
		String token = TestTokens.accessToken(this.user, "ann");

		Jwt first = cache.decode(token).block();
		assertThat(cache.decode(token).block()).isSameAs(first);
		assertThat(cache.decode(token).block()).isSameAs(first);
		assertThat(this.verifications).hasValue(1);

		this.ticks.addAndGet(TimeUnit.SECONDS.toNanos(61)); // past the 60 s maximum age
		assertThat(cache.decode(token).block().getSubject()).isEqualTo(this.user.toString());
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aRememberedTokenThatHasExpiredIsRejectedAtUse() {
		VerifiedTokenCache cache = cache(100);
		Instant exp = Instant.now().plusSeconds(30);
		String token = TestTokens.token(this.user, "ann", header -> {
		}, claims -> claims.expirationTime(Date.from(exp)));
		cache.decode(token).block();

		this.now.set(exp.plusSeconds(61)); // past exp and the 60 s skew; the entry itself is still there

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode(token).block());
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void aTamperedOrForgedTokenIsRejectedAndNeverRemembered() {
		VerifiedTokenCache cache = cache(100);
		String token = TestTokens.accessToken(this.user, "ann");
		cache.decode(token).block();
		String[] parts = token.split("\\.");
		String otherUser = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace(this.user.toString(), UUID.randomUUID().toString());
		String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(otherUser.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
		String forged = TestTokens.forgedToken(this.user, "ann");

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode(tampered).block());
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode(forged).block());
		}
		assertThat(this.verifications).hasValue(5);
		assertThat(cache.size()).isEqualTo(1);
	}

	@Test
	void aTokenStillInUseIsVerifiedAgainInTheBackgroundAndForgottenIfRejected() {
		VerifiedTokenCache cache = cache(100);
		String token = TestTokens.accessToken(this.user, "ann");
		Jwt first = cache.decode(token).block();

		// at three quarters of max-age a use is answered from the entry and re-verifies behind it
		this.ticks.addAndGet(TimeUnit.SECONDS.toNanos(46));
		assertThat(cache.decode(token).block()).isSameAs(first);
		assertThat(this.verifications).hasValue(1); // not on the request: queued
		runBackground();
		assertThat(this.verifications).hasValue(2);
		// so at 61 s the token is still remembered (the renewed entry lives to 106 s)
		this.ticks.addAndGet(TimeUnit.SECONDS.toNanos(15));
		assertThat(cache.decode(token).block().getSubject()).isEqualTo(this.user.toString());
		assertThat(this.verifications).hasValue(2);

		// its key is removed: the next background check (45 s after the last) drops the entry
		this.verifierFails.set(new BadJwtException("no matching key(s) found"));
		this.ticks.addAndGet(TimeUnit.SECONDS.toNanos(31));
		cache.decode(token).block();
		runBackground();
		assertThat(this.verifications).hasValue(3);
		assertThat(cache.size()).isZero();
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode(token).block());
	}

	@Test
	void theCacheIsBounded() {
		VerifiedTokenCache cache = cache(10);
		for (int i = 0; i < 50; i++) {
			cache.decode(TestTokens.accessToken(UUID.randomUUID(), "user" + i)).block();
		}
		assertThat(this.verifications).hasValue(50);
		assertThat(cache.size()).isLessThanOrEqualTo(10);
	}

	/** Runs the background work queued so far (and what it queues). */
	private void runBackground() {
		for (Runnable task = this.background.poll(); task != null; task = this.background.poll()) {
			task.run();
		}
	}
}
