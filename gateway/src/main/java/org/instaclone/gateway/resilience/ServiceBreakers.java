package org.instaclone.gateway.resilience;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * One Resilience4j circuit breaker per upstream service (the route's {@code service} metadata, so
 * the uploads and the other upload-service routes share one). While a service keeps failing or
 * answering slowly the breaker opens, and the gateway answers its requests at once with a 503
 * {@code service-unavailable} problem and {@code Retry-After} (the time left until the breaker lets
 * a few trial requests through), instead of letting every client wait out a timeout; routes with an
 * {@code EmptyFallback} answer their fallback instead. Trial requests that succeed close it again.
 * <p>
 * Recorded as failures: connection failures, timeouts, broken responses, and the upstream statuses
 * in {@code instaclone.gateway.circuit-breaker.failure-statuses}. The service's own answers,
 * failures included, still reach the client unchanged. Thresholds are Resilience4j's
 * {@code resilience4j.circuitbreaker.*} properties; state and call counts are metrics
 * ({@code resilience4j_circuitbreaker_*}).
 */
@Component
class ServiceBreakers implements GlobalFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ServiceBreakers.class);

	/**
	 * Inside the route's {@code EmptyFallback} (0), so an open breaker becomes the fallback; outside
	 * the retry (2), so a request counts once, with its final outcome: a service with several
	 * instances is not judged failing because one of them refused a connection while it shut down
	 * and the retry on another succeeded. Before {@code NettyRoutingFilter}, which calls the service.
	 */
	static final int ORDER = 1;

	private final CircuitBreakerRegistry registry;

	private final boolean enabled;

	private final boolean[] failureStatus = new boolean[600];

	private final ConcurrentMap<String, Breaker> breakers = new ConcurrentHashMap<>();

	ServiceBreakers(CircuitBreakerRegistry registry, ResilienceProperties properties) {
		this.registry = registry;
		this.enabled = properties.circuitBreaker().enabled();
		for (int status : properties.circuitBreaker().failureStatuses()) {
			this.failureStatus[status] = true;
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (!this.enabled || route == null) {
			return chain.filter(exchange);
		}
		Breaker breaker = breakerFor(route);
		CircuitBreaker circuit = breaker.circuit;
		if (!circuit.tryAcquirePermission()) {
			return Mono.error(TryLater.serviceOpen(breaker.service, breaker.nanosUntilHalfOpen()));
		}
		long start = circuit.getCurrentTimestamp();
		return chain.filter(exchange).doOnSuccess(ignored -> {
			long elapsed = circuit.getCurrentTimestamp() - start;
			HttpStatusCode status = exchange.getResponse().getStatusCode();
			if (status != null && status.value() < this.failureStatus.length && this.failureStatus[status.value()]) {
				circuit.onError(elapsed, circuit.getTimestampUnit(), new UpstreamStatus(status.value()));
			}
			else {
				circuit.onSuccess(elapsed, circuit.getTimestampUnit());
			}
		}).doOnError(ex -> {
			if (ex instanceof ResponseStatusException rse && rse.getStatusCode().is4xxClientError()) {
				// the client's fault (a body over the limit): says nothing about the service
				circuit.releasePermission();
			}
			else {
				circuit.onError(circuit.getCurrentTimestamp() - start, circuit.getTimestampUnit(), ex);
			}
		}).doOnCancel(circuit::releasePermission);
	}

	/** The breaker of the route's service; made once per service, then a map lookup. */
	Breaker breakerFor(Route route) {
		Object service = route.getMetadata().get("service");
		String name = service != null ? service.toString() : route.getId();
		Breaker breaker = this.breakers.get(name);
		return breaker != null ? breaker : this.breakers.computeIfAbsent(name, this::create);
	}

	private Breaker create(String service) {
		return new Breaker(service, this.registry.circuitBreaker(service));
	}

	/** A breaker and when it last opened, for {@code Retry-After}. */
	static final class Breaker {

		final String service;

		final CircuitBreaker circuit;

		private final long waitNanos;

		private volatile long openedAt = System.nanoTime();

		Breaker(String service, CircuitBreaker circuit) {
			this.service = service;
			this.circuit = circuit;
			this.waitNanos = TimeUnit.MILLISECONDS
				.toNanos(circuit.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
			circuit.getEventPublisher().onStateTransition(event -> {
				if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
					this.openedAt = System.nanoTime();
				}
				log.warn("Circuit breaker of {}: {} -> {}", service, event.getStateTransition().getFromState(),
						event.getStateTransition().getToState());
			});
		}

		/** How long until the breaker lets trial requests through again. */
		long nanosUntilHalfOpen() {
			return this.waitNanos - (System.nanoTime() - this.openedAt);
		}
	}

	/** An upstream answer recorded as a failure (the response itself still goes to the client). */
	static final class UpstreamStatus extends RuntimeException {

		UpstreamStatus(int status) {
			super("upstream answered " + status, null, false, false);
		}
	}
}
