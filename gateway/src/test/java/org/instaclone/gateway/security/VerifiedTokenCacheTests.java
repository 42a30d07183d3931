package org.instaclone.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.instaclone.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

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
			return decoder.decode(token);
		};
		OAuth2TokenValidator<Jwt> validator = AccessTokenDecoder.validator(TestTokens.ISSUER, TestTokens.AUDIENCE,
				this.clock);
		return new VerifiedTokenCache(counting, validator, maxSize, Duration.ofSeconds(60), this.clock, this.ticks::get);
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
	void theCacheIsBounded() {
		VerifiedTokenCache cache = cache(10);
		for (int i = 0; i < 50; i++) {
			cache.decode(TestTokens.accessToken(UUID.randomUUID(), "user" + i)).block();
		}
		assertThat(this.verifications).hasValue(50);
		assertThat(cache.size()).isLessThanOrEqualTo(10);
	}
}
