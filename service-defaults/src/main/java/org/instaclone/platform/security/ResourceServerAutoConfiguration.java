package org.instaclone.platform.security;

import java.net.MalformedURLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

import org.instaclone.tokens.KnownKeysWhenRateLimited;
import org.instaclone.tokens.LastKnownSigningKeys;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.expression.WebExpressionAuthorizationManager;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes the service an OAuth2 resource server for Instaclone access tokens. Keys come from
 * follow-service's JWKS and are cached with outage tolerance: when follow-service is down, tokens
 * signed with known keys keep verifying (Nimbus' default cache would start failing after 5 minutes,
 * see research/security-imaging-gateway-spike.md). With {@code instaclone.security.jwks-cache-file}
 * the last keys fetched are also kept on disk ({@link LastKnownSigningKeys}), so this holds across a
 * restart of the service while follow-service is down.
 * <p>
 * A token that cannot be checked because no keys can be obtained (follow-service unreachable and none
 * known, e.g. at a first start during an outage) is answered 503 {@code authentication-unavailable}
 * with {@code Retry-After}, like the gateway; a token that is checked and fails is 401.
 */
@AutoConfiguration
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class ResourceServerAutoConfiguration {

	private static final String[] ALWAYS_PUBLIC = { "/actuator/health/**", "/actuator/health", "/actuator/info",
			"/actuator/prometheus", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html",
			"/error" };

	/**
	 * No Spring Security observations (as in the gateway): they are switched off as metrics
	 * ({@code management.observations.enable.spring.security: false}), but Spring Security would still
	 * wrap every filter, the authentication manager and the authorization manager in observation
	 * decorators built per request. The request's own observation and trace are not affected.
	 */
	@Bean
	@ConditionalOnMissingBean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(SecurityProperties properties) throws MalformedURLException {
		long ttl = properties.jwksCacheTtl().toMillis();
		// Nimbus' default HTTP timeouts are 500 ms, which a busy 2-core machine (or a cold JWKS endpoint)
		// misses; the keys are cached, so a slower first fetch costs nothing later.
		DefaultResourceRetriever http = new DefaultResourceRetriever(2_000, 2_000, 64 * 1024);
		// with instaclone.security.jwks-cache-file, the keys also survive a restart during an outage; a lookup
		// the rate limit stops is answered from the keys in memory (an unknown kid is a 401, not a 503)
		JWKSource<SecurityContext> keys = new KnownKeysWhenRateLimited<>(LastKnownSigningKeys
			.<SecurityContext>sourceBuilder(properties.jwksUri().toURL(), http, properties.jwksCacheFile())
			.cache(ttl, 5_000)
			.outageTolerantForever()
			.rateLimited(Math.min(30_000, ttl / 2))
			.build());
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
			.jwsAlgorithm(SignatureAlgorithm.ES256)
			.build();
		OAuth2TokenValidator<Jwt> validator = AccessTokens.validator(properties.issuer(), properties.audience());
		decoder.setJwtValidator(validator);
		SecurityProperties.TokenCache cache = properties.tokenCache();
		if (cache.maxSize() <= 0) {
			return decoder;
		}
		// one ES256 verification per token instead of per request; a remembered token is re-validated
		return new VerifiedTokenCache(decoder, validator, cache.maxSize(), cache.maxAge(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain instacloneSecurityFilterChain(HttpSecurity http, SecurityProperties properties) {
		List<String> open = new ArrayList<>(List.of(ALWAYS_PUBLIC));
		open.addAll(properties.publicPaths());
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
		JwtAuthenticationConverter authorities = new JwtAuthenticationConverter();
		authorities.setJwtGrantedAuthoritiesConverter(jwt -> {
			List<String> roles = jwt.getClaimAsStringList("roles");
			return (roles == null ? List.<String>of() : roles).stream()
				.map(role -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase()))
				.map(a -> (org.springframework.security.core.GrantedAuthority) a)
				.toList();
		});
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(auth -> auth.requestMatchers(open.toArray(String[]::new))
				.permitAll()
				// the fault-injection switch (only exists when enabled): from the service's own host only
				.requestMatchers("/actuator/faults")
				.access(new WebExpressionAuthorizationManager("hasIpAddress('127.0.0.1') or hasIpAddress('::1')"))
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(authorities))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems)
				// the DSL has no failure-handler setting; without it, keys that cannot be fetched are a 500
				.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
					@Override
					public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler(problems.failureHandler());
						return filter;
					}
				}))
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	WebMvcConfigurer viewerArgumentResolver() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new ViewerResolver());
			}
		};
	}

	/** Resolves a {@link Viewer} parameter from the verified token. */
	static final class ViewerResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == Viewer.class;
		}

		@Override
		public Viewer resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
				NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
				return new Viewer(UUID.fromString(jwt.getSubject()), String.valueOf(jwt.getClaimAsString("handle")));
			}
			throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
					"No access token");
		}
	}
}
