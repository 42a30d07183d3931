package org.instaclone.platform.security;

import java.time.Clock;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;

/**
 * The rules every Instaclone access token must pass, in one place: signed with ES256 (enforced by the
 * decoder), {@code typ: at+jwt} (RFC 9068), expected issuer and audience, and not expired.
 */
public final class AccessTokens {

	/** RFC 9068 media type of a JWT access token, carried in the {@code typ} header. */
	public static final String TYPE = "at+jwt";

	private AccessTokens() {
	}

	public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
		return validator(issuer, audience, Clock.systemUTC());
	}

	/** The same rules, judging {@code exp} and {@code nbf} (60 s skew) by {@code clock}. */
	public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Clock clock) {
		JwtTimestampValidator time = new JwtTimestampValidator();
		time.setClock(clock);
		return new DelegatingOAuth2TokenValidator<>(List.of(time, new JwtIssuerValidator(issuer),
				new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)),
				new JwtTypeValidator(TYPE)));
	}
}
