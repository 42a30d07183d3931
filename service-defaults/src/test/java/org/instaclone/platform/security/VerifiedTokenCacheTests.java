package org.instaclone.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import org.instaclone.testsupport.TestTokens;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The verified-token cache against real ES256 tokens and the real Nimbus verifier (keys from a JWKS
 * endpoint): a hit skips the signature check, and nothing the verifier would reject gets through.
 * Time is controlled: the validator's clock and the cache's ticker move independently.
 */
class VerifiedTokenCacheTests {

	private static final Duration MAX_AGE = Duration.ofSeconds(60);

	private final UUID user = UUID.randomUUID();

	/** What the validator believes the time is (exp/nbf checks). */
	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

	/** What the cache believes the time is (entry expiry), in nanoseconds. */
	private final AtomicLong ticks = new AtomicLong();

	private final AtomicInteger verifications = new AtomicInteger();

	/** Background work (re-verifications) waiting to run: the test runs it when it chooses. */
	private final Queue<Runnable> background = new ArrayDeque<>();

	/** What the verifier throws instead of verifying, when set (a removed key, a JWKS outage). */
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
		return cache(maxSize, MAX_AGE);
	}

	private VerifiedTokenCache cache(long maxSize, Duration maxAge) {
		OAuth2TokenValidator<Jwt> validator = AccessTokens.validator(TestTokens.ISSUER, TestTokens.AUDIENCE, this.clock);
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(TestTokens.jwksUri())
			.jwsAlgorithm(SignatureAlgorithm.ES256)
			.build();
		nimbus.setJwtValidator(validator);
		JwtDecoder counting = token -> {
			this.verifications.incrementAndGet();
			RuntimeException failure = this.verifierFails.get();
			if (failure != null) {
				throw failure;
			}
			return nimbus.decode(token);
		};
		Ticker ticker = this.ticks::get;
		return new VerifiedTokenCache(counting, validator, maxSize, maxAge, this.clock, ticker, this.background::add);
	}

	@Test
	void aRememberedTokenIsNotVerifiedAgain() {
		VerifiedTokenCache cache = cache(100);
		String token = TestTokens.accessToken(this.user, "ann");

		Jwt first = cache.decode(token);
		Jwt second = cache.decode(token);
		Jwt third = cache.decode(token);

		assertThat(this.verifications).hasValue(1);
		assertThat(second).isSameAs(first);
		assertThat(third.getSubject()).isEqualTo(this.user.toString());
		// another token is another entry, verified once as well
		cache.decode(TestTokens.accessToken(this.user, "ann"));
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aRememberedTokenThatHasExpiredIsRejectedAtUse() {
		VerifiedTokenCache cache = cache(100);
		Instant exp = Instant.now().plusSeconds(30);
		String token = TestTokens.token(this.user, "ann", header -> {
		}, claims -> claims.expirationTime(Date.from(exp)));
		cache.decode(token);

		// the entry is still there (the cache's clock has not moved), but the token is past exp + skew
		this.now.set(exp.plusSeconds(61));

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode(token))
			.withMessageContaining("Invalid token");
		assertThat(this.verifications).hasValue(1);
		// and it is gone: the next attempt goes to the verifier, which rejects it too
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> cache.decode(token));
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void anEntryLivesUntilTheTokensExpiryOrTheMaximumAgeWhicheverIsFirst() {
		VerifiedTokenCache cache = cache(100);
		String longLived = TestTokens.accessToken(this.user, "ann"); // exp in 10 minutes
		String shortLived = TestTokens.token(this.user, "ann", header -> {
		}, claims -> claims.expirationTime(Date.from(this.now.get().plusSeconds(20))));
		cache.decode(longLived);
		cache.decode(shortLived);

		this.ticks.addAndGet(TimeUnit.SECONDS.toNanos(21));
		cache.decode(longLived); // within max age: remembered
		cache.decode(shortLived); // past its exp: verified again (still valid within the 60 s skew)
		assertThat(this.verifications).hasValue(3);

		this.ticks.addAndGet(TimeUnit.SECONDS.toNanos(40)); // 61 s after the first verification
		cache.decode(longLived);
		assertThat(this.verifications).hasValue(4);
	}

	@Test
	void aTamperedOrForgedTokenIsRejectedAndNeverRemembered() {
		VerifiedTokenCache cache = cache(100);
		String token = TestTokens.accessToken(this.user, "ann");
		cache.decode(token);
		String[] parts = token.split("\\.");
		String otherUser = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace(this.user.toString(), UUID.randomUUID().toString());
		String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(otherUser.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
		String forged = TestTokens.forgedToken(this.user, "ann");

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode(tampered));
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode(forged));
		}

		// every attempt went to the verifier; only the genuine token is remembered
		assertThat(this.verifications).hasValue(5);
		assertThat(cache.size()).isEqualTo(1);
	}

	@Test
	void aTokenStillInUseIsVerifiedAgainBeforeItsEntryExpiresNotOnTheRequest() {
		VerifiedTokenCache cache = cache(100);
		String token = TestTokens.accessToken(this.user, "ann"); // exp in 10 minutes
		Jwt first = cache.decode(token);

		// three quarters of max-age: this use is answered from the entry, the re-verification runs behind it
		advance(Duration.ofSeconds(46));
		assertThat(cache.decode(token)).isSameAs(first);
		assertThat(this.verifications).hasValue(1);
		runBackground();
		assertThat(this.verifications).hasValue(2);

		// past the first verification's max-age the token is still remembered: the second one counts now
		advance(Duration.ofSeconds(15));
		Jwt renewed = cache.decode(token);
		assertThat(renewed).isNotSameAs(first);
		assertThat(renewed.getSubject()).isEqualTo(this.user.toString());
		assertThat(this.verifications).hasValue(2);

		// a token nobody uses between three quarters and the whole max-age expires as before
		advance(Duration.ofSeconds(61));
		cache.decode(token);
		assertThat(this.verifications).hasValue(3);
	}

	@Test
	void aTokenTheBackgroundCheckRejectsIsForgottenAtOnce() {
		VerifiedTokenCache cache = cache(100);
		String token = TestTokens.accessToken(this.user, "ann");
		cache.decode(token);

		// its signing key is gone from the JWKS: the re-verification rejects the token
		this.verifierFails.set(new BadJwtException("Signed JWT rejected: Another algorithm expected, or no matching key(s) found"));
		advance(Duration.ofSeconds(46));
		cache.decode(token); // still within the verification's max-age: answered, and re-checked behind it
		runBackground();

		assertThat(cache.size()).isZero();
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode(token));
		assertThat(this.verifications).hasValue(3);
	}

	@Test
	void aTokenThatCannotBeCheckedAgainKeepsItsLifetimeAndNoMore() {
		VerifiedTokenCache cache = cache(100);
		String token = TestTokens.accessToken(this.user, "ann");
		cache.decode(token);

		// the JWKS cannot be fetched: the entry is neither dropped nor renewed
		this.verifierFails.set(new JwtException("Couldn't retrieve remote JWK set"));
		advance(Duration.ofSeconds(46));
		cache.decode(token);
		runBackground();
		assertThat(this.verifications).hasValue(2);
		advance(Duration.ofSeconds(13)); // 59 s after the one successful verification
		cache.decode(token);
		assertThat(this.verifications).hasValue(2);

		advance(Duration.ofSeconds(2)); // 61 s: expired on schedule, and the verifier cannot vouch for it
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> cache.decode(token))
			.withMessageContaining("JWK set");
		assertThat(this.verifications).hasValue(3);
	}

	/** Moves both clocks: the cache's ticker and the wall clock its lifetimes and the validator read. */
	private void advance(Duration duration) {
		this.ticks.addAndGet(duration.toNanos());
		this.now.set(this.now.get().plus(duration));
	}

	@Test
	void aMaximumAgeOfZeroRemembersNothing() {
		VerifiedTokenCache cache = cache(100, Duration.ZERO);
		String token = TestTokens.accessToken(this.user, "ann");

		cache.decode(token);
		cache.decode(token); // the cache was built (no refresh period of 0), and every use verifies

		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void theCacheIsBounded() {
		VerifiedTokenCache cache = cache(10);
		for (int i = 0; i < 50; i++) {
			cache.decode(TestTokens.accessToken(UUID.randomUUID(), "user" + i));
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
