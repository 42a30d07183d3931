package org.instaclone.gateway.resilience;

import java.net.ConnectException;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ConnectTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tries a {@code GET} or {@code HEAD} again (at most {@code instaclone.gateway.retry.retries} times,
 * default once, at once) when the connection to the service failed (refused, not established in
 * time, or closed before any answer, as a pooled connection the service had just closed is) or the
 * service answered 502 or 503. Never a {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}:
 * the first attempt may have taken effect. Never after a timeout either: the client has already
 * waited once. Each retry counts in {@code instaclone_gateway_retries_total{service}}.
 * <p>
 * Unlike Spring Cloud Gateway's {@code Retry} filter this buffers no request body (that filter
 * caches the body of every request on its route, uploads included).
 */
@Component
class IdempotentRetry implements GlobalFilter, Ordered {

	/** Outside the breaker (2), so each attempt is recorded; inside the route's {@code EmptyFallback} (0). */
	static final int ORDER = 1;

	private final int retries;

	private final MeterRegistry meters;

	IdempotentRetry(ResilienceProperties properties, MeterRegistry meters) {
		this.retries = Math.max(0, properties.retry().retries());
		this.meters = meters;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		HttpMethod method = exchange.getRequest().getMethod();
		if (this.retries == 0 || (method != HttpMethod.GET && method != HttpMethod.HEAD)) {
			return chain.filter(exchange);
		}
		return attempt(exchange, chain, 0);
	}

	private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, int done) {
		Mono<Void> call = chain.filter(exchange);
		if (done >= this.retries) {
			return call;
		}
		return call.then(Mono.fromSupplier(() -> retryableStatus(exchange)))
			.onErrorResume(ex -> connectionFailed(ex) && !exchange.getResponse().isCommitted(), ex -> Mono.just(true))
			.flatMap(again -> again ? retry(exchange, chain, done + 1) : Mono.empty());
	}

	private Mono<Void> retry(ServerWebExchange exchange, GatewayFilterChain chain, int done) {
		// drop the failed answer (its unread body and connection) and route the request again
		Connection upstream = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
		exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
		if (upstream != null) {
			upstream.dispose();
		}
		exchange.getResponse().setStatusCode(null);
		ServerWebExchangeUtils.reset(exchange);
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		Object service = route != null ? route.getMetadata().get("service") : null;
		this.meters.counter("instaclone.gateway.retries", "service", String.valueOf(service)).increment();
		return attempt(exchange, chain, done);
	}

	private static Boolean retryableStatus(ServerWebExchange exchange) {
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		return status != null && (status.value() == 502 || status.value() == 503)
				&& !exchange.getResponse().isCommitted();
	}

	private static boolean connectionFailed(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ConnectException || t instanceof ConnectTimeoutException
					|| (t instanceof PrematureCloseException && t.getMessage() != null
							&& t.getMessage().contains("BEFORE response"))) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}
}
