package org.instaclone.follow.token;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keyDir where the ES256 signing keys live (JWK JSON, mode 600); generated on first start.
 * In Kubernetes a Secret mounted read-only.
 * @param accessTokenTtl lifetime of access tokens; at most 15 minutes
 * @param refreshTokenTtl lifetime of a refresh token (each rotation starts a new one)
 * @param refreshCookieSecure whether the refresh cookie carries {@code Secure} (browsers accept it
 * on http://localhost too)
 */
@ConfigurationProperties("instaclone.tokens")
public record TokenProperties(@DefaultValue(".instaclone/keys") Path keyDir,
		@DefaultValue("15m") Duration accessTokenTtl, @DefaultValue("30d") Duration refreshTokenTtl,
		@DefaultValue("true") boolean refreshCookieSecure) {

	public TokenProperties {
		if (accessTokenTtl.compareTo(Duration.ofMinutes(15)) > 0 || accessTokenTtl.isNegative()
				|| accessTokenTtl.isZero()) {
			throw new IllegalArgumentException("instaclone.tokens.access-token-ttl must be between 1s and 15m");
		}
	}
}
