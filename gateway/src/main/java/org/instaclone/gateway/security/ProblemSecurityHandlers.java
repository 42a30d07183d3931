package org.instaclone.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.instaclone.gateway.system.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers 401 and 403 from the security chain as problem JSON. When a token cannot be checked at all
 * because the signing keys are unreachable, that is the gateway's problem, not the caller's: 503.
 */
final class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemSecurityHandlers.class);

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		if (ex instanceof AuthenticationServiceException) {
			log.warn("Cannot verify access tokens: {}", ex.getMessage());
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
			return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "authentication-unavailable",
					"Sign-in check unavailable",
					"Access tokens cannot be verified right now because the signing keys are unavailable. Try again shortly.");
		}
		boolean tokenSent = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.WWW_AUTHENTICATE, tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
		return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
				tokenSent ? "The access token is invalid or expired. Sign in again or refresh the token."
						: "Sign in: this operation needs an access token (Authorization: Bearer ...).");
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException ex) {
		return ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"You are not allowed to do this.");
	}
}
