package org.instaclone.gateway.security;

import java.time.Clock;
import java.util.concurrent.ForkJoinPool;

import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The gateway is an OAuth2 resource server: every {@code /api/**} request needs a valid access token
 * except the few that obtain or give one up. Services verify the forwarded token again; the gateway
 * stops the rest before it costs them anything. The web client and the security headers that keep it
 * safe are configured here too.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	/** Strict policy for the web client: only same-origin scripts, styles and connections, no framing. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	ReactiveJwtDecoder accessTokenDecoder(TokenProperties properties) {
		AccessTokenDecoder decoder = new AccessTokenDecoder(properties);
		TokenProperties.TokenCache cache = properties.tokenCache();
		if (cache.maxSize() <= 0) {
			return decoder;
		}
		// one ES256 verification per token instead of per request; a remembered token is re-validated, and
		// one still in use near max-age is verified again in the background (the common pool)
		return new VerifiedTokenCache(decoder, AccessTokenDecoder.validator(properties.issuer(), properties.audience()),
				cache.maxSize(), cache.maxAge(), Clock.systemUTC(), Ticker.systemTicker(), ForkJoinPool.commonPool());
	}

	/**
	 * No Spring Security observations: {@code management.observations.enable.spring.security: false}
	 * makes them no-ops, but Spring Security still wraps every filter of the chain, the authentication
	 * manager and the authorization manager in observation decorators, built again for each request.
	 * This setting (Spring Security's documented opt-out) leaves them unwrapped; the exchange's own
	 * observation ({@code http.server.requests}, the trace) is not affected.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens only, no cookies
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.anonymous(ServerHttpSecurity.AnonymousSpec::disable)
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange(exchange -> exchange
				// obtaining, refreshing and giving up tokens, and the keys to check them
				.pathMatchers(HttpMethod.POST, "/api/accounts", "/api/accounts/sign-in").permitAll()
				.pathMatchers("/api/accounts/refresh", "/api/accounts/sign-out", "/.well-known/jwks.json").permitAll()
				// photos are fetched by <img> tags, which cannot send a bearer token; media keys are
				// content hashes, and upload-service serves them publicly (docs/upload-service.md)
				.pathMatchers(HttpMethod.GET, "/api/media/**").permitAll()
				.pathMatchers(HttpMethod.HEAD, "/api/media/**").permitAll()
				.pathMatchers("/api/**").authenticated()
				// operations: health and metrics are public, every other actuator endpoint is closed
				.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
				.pathMatchers("/actuator/**").denyAll()
				// the web client, the API documents; anything else is a 404 problem
				.anyExchange().permitAll())
			.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtDecoder(decoder))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frame -> frame.mode(Mode.DENY)))
			.build();
	}
}
