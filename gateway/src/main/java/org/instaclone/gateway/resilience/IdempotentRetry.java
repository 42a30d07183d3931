package org.instaclone.gateway.resilience;

import java.net.ConnectException;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ConnectTimeoutException;
import org.instaclone.gateway.balancing.TriedInstances;
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
 * Sends a request to the service again (at most {@code instaclone.gateway.retry.retries} times,
 * default once, at once), to another instance of it when it has one ({@link TriedInstances}):
 * <ul>
 * <li>any method when the connection could not be made (refused, or not established within the
 * connect timeout): nothing was sent, so nothing can have taken effect. This is what a request meets
 * when it is sent to an instance that is shutting down before the readiness checks have taken it out
 * of the rotation;</li>
 * <li>{@code GET} and {@code HEAD} also when the connection was closed before any answer (as a pooled
 * connection the service had just closed is), or the service answered 502 or 503.</li>
 * </ul>
 * Never a {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE} that may have reached the
 * service: the first attempt may have taken effect. Never after a timeout either: the client has
 * already waited once. Each retry counts in {@code instaclone_gateway_retries_total{service}}.
 * <p>
 * Unlike Spring Cloud Gateway's {@code Retry} filter this buffers no request body (that filter
 * caches the body of every request on its route, uploads included): a write is only sent again when
 * its first connection failed, and then the body has not been read yet.
 */
@Component
class IdempotentRetry implements GlobalFilter, Ordered {

	/**
	 * Inside the breaker (1), so the breaker judges the request's final outcome (a refused connection
	 * to an instance that is going away, followed by a success on another, is a success); before the
	 * load-balancer filter, so each attempt chooses an instance again.
	 */
	static final int ORDER = 2;

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
		if (this.retries == 0) {
			return chain.filter(exchange);
		}
		HttpMethod method = exchange.getRequest().getMethod();
		return attempt(exchange, chain, 0, method == HttpMethod.GET || method == HttpMethod.HEAD);
	}

	private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, int done, boolean idempotent) {
		Mono<Void> call = chain.filter(exchange);
		if (done >= this.retries) {
			return call;
		}
		return call.then(Mono.fromSupplier(() -> idempotent && retryableStatus(exchange)))
			.onErrorResume(ex -> (idempotent ? connectionFailed(ex) : notConnected(ex))
					&& !exchange.getResponse().isCommitted(), ex -> Mono.just(true))
			.flatMap(again -> again ? retry(exchange, chain, done + 1, idempotent) : Mono.empty());
	}

	private Mono<Void> retry(ServerWebExchange exchange, GatewayFilterChain chain, int done, boolean idempotent) {
		// drop the failed answer (its unread body and connection) and route the request again,
		// to another instance of the service when it has one
		Connection upstream = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
		exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
		if (upstream != null) {
			upstream.dispose();
		}
		TriedInstances.remember(exchange);
		exchange.getResponse().setStatusCode(null);
		ServerWebExchangeUtils.reset(exchange);
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		Object service = route != null ? route.getMetadata().get("service") : null;
		this.meters.counter("instaclone.gateway.retries", "service", String.valueOf(service)).increment();
		return attempt(exchange, chain, done, idempotent);
	}

	private static Boolean retryableStatus(ServerWebExchange exchange) {
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		return status != null && (status.value() == 502 || status.value() == 503)
				&& !exchange.getResponse().isCommitted();
	}

	/** The connection was never made, so the request was not sent. */
	private static boolean notConnected(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ConnectException || t instanceof ConnectTimeoutException) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	/** Not connected, or closed before any answer: for idempotent requests only. */
	private static boolean connectionFailed(Throwable ex) {
		if (notConnected(ex)) {
			return true;
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if ((t instanceof PrematureCloseException && t.getMessage() != null
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
