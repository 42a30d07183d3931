package org.instaclone.platform.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service verifies Instaclone access tokens.
 *
 * @param issuer the expected {@code iss} claim
 * @param audience the expected {@code aud} claim
 * @param jwksUri where the signing keys are published (follow-service)
 * @param jwksCacheTtl how long fetched keys are trusted before a refresh; on an outage the cached
 * keys stay in use, so a service keeps verifying tokens while follow-service is down
 * @param jwksCacheFile where the last keys fetched are kept (public keys only, rewritten when they
 * change), to verify tokens with after a restart while the JWKS cannot be fetched; empty (the default)
 * keeps keys in memory only ({@code INSTACLONE_SECURITY_JWKS_CACHE_FILE})
 * @param publicPaths Ant-style paths that need no token, on top of health, Prometheus and OpenAPI
 * @param tokenCache how many verified tokens are remembered, and for how long at most
 */
@ConfigurationProperties("instaclone.security")
public record SecurityProperties(@DefaultValue("http://localhost:8081") String issuer,
		@DefaultValue("instaclone-api") String audience,
		@DefaultValue("http://localhost:8081/.well-known/jwks.json") URI jwksUri,
		@DefaultValue("5m") Duration jwksCacheTtl, @DefaultValue("") String jwksCacheFile,
		@DefaultValue List<String> publicPaths,
		@DefaultValue TokenCache tokenCache) {

	/**
	 * Verified tokens are remembered (keyed by their SHA-256) so the signature is checked once per
	 * token, not once per request; see {@link VerifiedTokenCache}.
	 * @param maxSize the most tokens remembered; 0 switches the cache off
	 * @param maxAge the longest a verified token is remembered (never past its {@code exp})
	 */
	public record TokenCache(@DefaultValue("4096") long maxSize, @DefaultValue("60s") Duration maxAge) {
	}
}
