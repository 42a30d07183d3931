package org.instaclone.gateway.system;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns every error raised inside the gateway into a problem response: unknown paths, wrong methods,
 * oversized bodies, and upstream failures (refused or unresolvable: 503; too slow: 504; broken
 * response: 502). Replaces Boot's default handler, so there is never an HTML error page or a stack
 * trace. Errors a service answers itself (its own problem JSON) are ordinary responses and are not
 * seen here: they pass through unchanged.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			// part of an upstream response is already on the wire; all we can do is cut it off
			log.warn("{} {} failed after the response started: {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), ex.toString());
			return Mono.error(ex);
		}
		Problem problem = problemFor(exchange, ex);
		if (problem.status().is5xxServerError()) {
			if (problem.status() == HttpStatus.INTERNAL_SERVER_ERROR) {
				log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
			}
			else if (ex instanceof ResponseStatusException refusal && refusal.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
				// the gateway's own refusal while a breaker is open: one line per request would flood the
				// log exactly when a service is down (the breaker logs its state changes instead)
				log.debug("{} {} -> {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
						problem.status().value(), refusal.getReason());
			}
			else {
				log.warn("{} {} -> {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
						problem.status().value(), ex.toString());
			}
		}
		HttpHeaders headers = response.getHeaders();
		headers.remove(HttpHeaders.CONTENT_ENCODING);
		headers.remove(HttpHeaders.TRANSFER_ENCODING);
		if (ex instanceof ResponseStatusException statusException) {
			statusException.getHeaders().forEach(headers::put);
		}
		if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE && !headers.containsHeader(HttpHeaders.RETRY_AFTER)) {
			headers.set(HttpHeaders.RETRY_AFTER, "5");
		}
		return ProblemResponses.write(exchange, problem.status(), problem.slug(), problem.title(), problem.detail());
	}

	private Problem problemFor(ServerWebExchange exchange, Throwable ex) {
		String service = upstreamName(exchange);
		if (has(ex, AuthenticationServiceException.class)) {
			return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "authentication-unavailable",
					"Sign-in check unavailable",
					"Access tokens cannot be verified right now because the signing keys are unavailable. Try again shortly.");
		}
		if (has(ex, AuthenticationException.class)) {
			return new Problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
					"Sign in: this operation needs a valid access token.");
		}
		if (has(ex, AccessDeniedException.class)) {
			return new Problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this.");
		}
		if (ex instanceof ResponseStatusException statusException) {
			return forStatus(exchange, statusException, service);
		}
		if (has(ex, ConnectException.class) || has(ex, ConnectTimeoutException.class)
				|| has(ex, UnknownHostException.class)) {
			return unavailable(service);
		}
		if (has(ex, TimeoutException.class) || has(ex, ReadTimeoutException.class)) {
			return timeout(service);
		}
		if (has(ex, IOException.class)) {
			return new Problem(HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad gateway",
					describe(service) + " sent an incomplete or broken response. Try again shortly.");
		}
		return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
				"The gateway failed to handle this request. It has been logged.");
	}

	private Problem forStatus(ServerWebExchange exchange, ResponseStatusException ex, @Nullable String service) {
		HttpStatus status = HttpStatus.resolve(ex.getStatusCode().value());
		if (status == null) {
			status = ex.getStatusCode().is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String path = exchange.getRequest().getPath().value();
		return switch (status) {
			case NOT_FOUND -> new Problem(status, "not-found", "Not found", "Nothing is served at " + path + ".");
			case METHOD_NOT_ALLOWED -> new Problem(status, "method-not-allowed", "Method not allowed",
					exchange.getRequest().getMethod() + " is not supported at " + path
							+ (ex instanceof MethodNotAllowedException notAllowed
									&& !notAllowed.getSupportedMethods().isEmpty()
											? "; use " + notAllowed.getSupportedMethods() + "." : "."));
			case CONTENT_TOO_LARGE -> new Problem(status, "payload-too-large", "Request body too large",
					ex.getReason() != null ? ex.getReason() : "The request body is too large.");
			case GATEWAY_TIMEOUT -> timeout(service);
			// an open circuit breaker says why and for how long (its Retry-After is kept)
			case SERVICE_UNAVAILABLE -> ex.getReason() != null
					? new Problem(status, "service-unavailable", "Service unavailable", ex.getReason())
					: unavailable(service);
			case TOO_MANY_REQUESTS -> new Problem(status, "rate-limited", "Too many requests",
					ex.getReason() != null ? ex.getReason() : "Too many requests. Try again later.");
			case BAD_GATEWAY -> new Problem(status, "bad-gateway", "Bad gateway",
					describe(service) + " sent an invalid response. Try again shortly.");
			default -> status.is4xxClientError()
					? new Problem(status, slug(status), status.getReasonPhrase(),
							"The request was rejected: " + status.getReasonPhrase().toLowerCase() + ".")
					: new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
							"The gateway failed to handle this request. It has been logged.");
		};
	}

	private static Problem unavailable(@Nullable String service) {
		return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
				describe(service) + " is not reachable right now. Try again shortly.");
	}

	private static Problem timeout(@Nullable String service) {
		return new Problem(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "Upstream timeout",
				describe(service) + " did not answer in time. Try again shortly.");
	}

	private static String describe(@Nullable String service) {
		return service != null ? "The " + service : "The upstream service";
	}

	/** The name of the service the request was routed to, from the route's {@code service} metadata. */
	private static @Nullable String upstreamName(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route == null) {
			return null;
		}
		Object service = route.getMetadata().get("service");
		return service != null ? service.toString() : route.getId();
	}

	private static String slug(HttpStatus status) {
		return status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
	}

	private static boolean has(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	private record Problem(HttpStatus status, String slug, String title, String detail) {
	}
}
