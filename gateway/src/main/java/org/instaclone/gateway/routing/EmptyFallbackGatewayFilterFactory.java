package org.instaclone.gateway.routing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Route filter {@code EmptyFallback}: when the service behind the route cannot answer (connection
 * refused, no answer within the route's {@code response-timeout}, a 5xx, a broken response), the
 * client gets {@code 200} with a fixed "nothing here" body and {@code Instaclone-Degraded: <feature>}
 * instead of an error. For calls whose failure must not become the caller's failure: the feed never
 * waits on ads, so {@code GET /api/ads/placements} answers {@code {"placements":[]}} when ads-service
 * is down. The service's own answers below 500 (400 validation, 401) pass through unchanged.
 * <p>
 * Arguments: {@code degraded} (the header value, e.g. {@code ads}) and {@code body} (JSON in exactly
 * the shape the service answers when nothing qualifies).
 */
@Component
class EmptyFallbackGatewayFilterFactory extends AbstractGatewayFilterFactory<EmptyFallbackGatewayFilterFactory.Config> {

	/** Tells the client which part of the answer is missing because a service is down. */
	static final String DEGRADED_HEADER = "Instaclone-Degraded";

	/**
	 * Inside {@code NettyWriteResponseFilter} (order -1), which streams the service's body after the
	 * chain completes, so a 5xx can still be replaced before anything is written.
	 */
	static final int ORDER = 0;

	private static final Logger log = LoggerFactory.getLogger(EmptyFallbackGatewayFilterFactory.class);

	private final MeterRegistry meters;

	EmptyFallbackGatewayFilterFactory(MeterRegistry meters) {
		super(Config.class);
		this.meters = meters;
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("degraded", "body");
	}

	@Override
	public GatewayFilter apply(Config config) {
		String degraded = require(config.getDegraded(), "degraded");
		byte[] body = require(config.getBody(), "body").getBytes(StandardCharsets.UTF_8);
		return new OrderedGatewayFilter((exchange, chain) -> chain.filter(exchange)
			.then(Mono.defer(() -> {
				HttpStatusCode status = exchange.getResponse().getStatusCode();
				if (status == null || !status.is5xxServerError() || exchange.getResponse().isCommitted()) {
					return Mono.empty();
				}
				// the service answered 5xx: drop its response (status, headers, the unread body)
				Connection upstream = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
				exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
				if (upstream != null) {
					upstream.dispose();
				}
				return fallback(exchange, degraded, body, "status " + status.value());
			}))
			.onErrorResume(ex -> !exchange.getResponse().isCommitted(),
					ex -> fallback(exchange, degraded, body, ex.getClass().getSimpleName() + ": " + ex.getMessage())),
				ORDER);
	}

	private Mono<Void> fallback(ServerWebExchange exchange, String degraded, byte[] body, String why) {
		log.debug("{} {}: answering without {} ({})", exchange.getRequest().getMethod(),
				exchange.getRequest().getPath(), degraded, why);
		this.meters.counter("instaclone.gateway.degraded", "feature", degraded).increment();
		ServerHttpResponse response = exchange.getResponse();
		response.getHeaders().clear();
		response.setStatusCode(HttpStatus.OK);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setCacheControl(CacheControl.noStore());
		response.getHeaders().set(DEGRADED_HEADER, degraded);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	private static String require(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("EmptyFallback needs the argument '" + name + "'");
		}
		return value;
	}

	/** The filter's arguments. */
	public static class Config {

		private @Nullable String degraded;

		private @Nullable String body;

		public @Nullable String getDegraded() {
			return this.degraded;
		}

		public void setDegraded(@Nullable String degraded) {
			this.degraded = degraded;
		}

		public @Nullable String getBody() {
			return this.body;
		}

		public void setBody(@Nullable String body) {
			this.body = body;
		}
	}
}
