package org.instaclone.gateway.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway verifies Instaclone access tokens; the same properties (and environment variables)
 * as every service.
 *
 * @param issuer the expected {@code iss} claim ({@code INSTACLONE_SECURITY_ISSUER})
 * @param audience the expected {@code aud} claim ({@code INSTACLONE_SECURITY_AUDIENCE})
 * @param jwksUri where follow-service publishes the signing keys ({@code INSTACLONE_SECURITY_JWKS_URI})
 * @param jwksCacheTtl how long fetched keys are trusted before a refresh; while follow-service is
 * down the cached keys stay in use
 * @param jwksCacheFile where the last keys fetched are kept (public keys only, rewritten when they
 * change), to verify tokens with after a restart while the JWKS cannot be fetched; empty (the default)
 * keeps keys in memory only ({@code INSTACLONE_SECURITY_JWKS_CACHE_FILE})
 * @param tokenCache verified tokens remembered so each token's signature is checked once
 */
@ConfigurationProperties("instaclone.security")
record TokenProperties(@DefaultValue("http://localhost:8081") String issuer,
		@DefaultValue("instaclone-api") String audience,
		@DefaultValue("http://localhost:8081/.well-known/jwks.json") URI jwksUri,
		@DefaultValue("5m") Duration jwksCacheTtl, @DefaultValue("") String jwksCacheFile,
		@DefaultValue TokenCache tokenCache) {

	/**
	 * @param maxSize the most tokens remembered; 0 switches the cache off
	 * @param maxAge the longest a verified token is remembered (never past its {@code exp})
	 */
	record TokenCache(@DefaultValue("4096") long maxSize, @DefaultValue("60s") Duration maxAge) {
	}
}
