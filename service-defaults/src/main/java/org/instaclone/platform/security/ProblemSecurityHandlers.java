package org.instaclone.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.platform.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Writes 401 and 403 from the security filter chain as problem responses, never as HTML. When a token
 * cannot be checked at all because the signing keys are unavailable (follow-service's JWKS cannot be
 * fetched and none are known), that is the service's problem, not the caller's: 503, as the gateway
 * answers.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemSecurityHandlers.class);

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The bearer-token filter's failure handler: every failed token check answered here. Spring
	 * Security's default rethrows an {@link AuthenticationServiceException} (a token that could not be
	 * checked, e.g. the JWKS is unreachable), which the servlet container turns into a 500.
	 */
	AuthenticationFailureHandler failureHandler() {
		AuthenticationEntryPointFailureHandler handler = new AuthenticationEntryPointFailureHandler(this);
		handler.setRethrowAuthenticationServiceException(false);
		return handler;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof AuthenticationServiceException) {
			log.warn("Cannot verify access tokens: {}", ex.getMessage());
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			write(request, response, 503, "authentication-unavailable", "Sign-in check unavailable",
					"Access tokens cannot be verified right now because the signing keys are unavailable. "
							+ "Try again shortly.");
			return;
		}
		boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
		write(request, response, 401, "unauthorized", "Unauthorized", tokenSent
				? "The access token is invalid or expired. Sign in again or refresh the token."
				: "Sign in: this operation needs an access token (Authorization: Bearer ...).");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, 403, "forbidden", "Forbidden", "You are not allowed to do this.");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, int status, String slug,
			String title, String detail) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", Problems.type(slug).toString());
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		body.put("instance", request.getRequestURI());
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), body);
	}
}
