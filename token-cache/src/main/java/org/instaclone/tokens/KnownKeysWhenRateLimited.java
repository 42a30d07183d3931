package org.instaclone.tokens;

import java.util.List;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import org.jspecify.annotations.Nullable;

/**
 * The signing keys, with a lookup that Nimbus' rate limit stops answered from the keys in memory.
 * <p>
 * A {@code kid} not among the cached keys, or no keys cached at all, makes Nimbus fetch the JWKS, which
 * it does at most twice per rate-limit window; past that the lookup throws
 * {@link RateLimitReachedException}. That says nothing about the token, only that no fetch is allowed
 * now, so it is answered from what is known: with keys in memory (fetched moments ago, and without that
 * key), the keys matching the token, none for an unknown {@code kid} (an invalid token, 401); with none
 * known it fails as a failed fetch does (keys unavailable, 503). Without this, decoders report it
 * either like a failed fetch (the services: 503 for a token with an unknown {@code kid}) or, the
 * gateway's before, like no matching key (401 for a good token while nothing is known, which tells the
 * client to throw it away). With {@link LastKnownSigningKeys}' file configured its failover already
 * answers a rate-limited lookup from the last keys fetched; this covers the default, memory only.
 * <p>
 * Used around the built {@code JWKSourceBuilder} source by the services' decoder (service-defaults) and
 * the gateway's reactive one.
 */
public final class KnownKeysWhenRateLimited<C extends SecurityContext> implements JWKSource<C> {

	private static final JWKSelector ANY = new JWKSelector(new JWKMatcher.Builder().build());

	private final JWKSource<C> keys;

	public KnownKeysWhenRateLimited(JWKSource<C> keys) {
		this.keys = keys;
	}

	@Override
	public List<JWK> get(JWKSelector selector, @Nullable C context) throws KeySourceException {
		try {
			return this.keys.get(selector, context);
		}
		catch (RateLimitReachedException ex) {
			// the keys cached, without a fetch; with none cached this asks for a fetch and is refused again
			return selector.select(new JWKSet(this.keys.get(ANY, context)));
		}
	}
}
