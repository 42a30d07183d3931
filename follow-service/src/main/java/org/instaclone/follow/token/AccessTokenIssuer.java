package org.instaclone.follow.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.instaclone.platform.security.AccessTokens;
import org.instaclone.platform.security.SecurityProperties;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues RFC 9068-shaped access tokens: ES256, {@code typ: at+jwt}, {@code kid}, iss, aud, sub, exp. */
@Component
public class AccessTokenIssuer {

	private final JwtEncoder encoder;

	private final SigningKeys keys;

	private final SecurityProperties security;

	private final TokenProperties properties;

	AccessTokenIssuer(JwtEncoder encoder, SigningKeys keys, SecurityProperties security, TokenProperties properties) {
		this.encoder = encoder;
		this.keys = keys;
		this.security = security;
		this.properties = properties;
	}

	public AccessToken issue(UUID accountId, String handle, List<String> roles) {
		Instant now = Instant.now();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256)
			.keyId(keys.current().getKeyID())
			.type(AccessTokens.TYPE)
			.build();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(security.issuer())
			.audience(List.of(security.audience()))
			.subject(accountId.toString())
			.claim("handle", handle)
			.claim("roles", roles)
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(properties.accessTokenTtl()))
			.id(UUID.randomUUID().toString())
			.build();
		String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		return new AccessToken(token, properties.accessTokenTtl().toSeconds());
	}
}
