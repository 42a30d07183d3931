package org.instaclone.follow.token;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;

import org.instaclone.platform.security.AccessTokens;
import org.instaclone.platform.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signing with the service's own keys, and verifying with them directly: the issuer needs no HTTP
 * round trip to its own JWKS. The validation rules are the platform's, the same as everywhere.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	@Bean
	SigningKeys signingKeys(TokenProperties properties) {
		return SigningKeys.loadOrCreate(properties.keyDir());
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(keys.privateSet()));
	}

	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties security) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withJwkSource(new ImmutableJWKSet<SecurityContext>(keys.publicSet()))
			.jwsAlgorithm(SignatureAlgorithm.ES256)
			.build();
		decoder.setJwtValidator(AccessTokens.validator(security.issuer(), security.audience()));
		return decoder;
	}
}
