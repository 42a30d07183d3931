package org.instaclone.gateway.resilience;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Route filter {@code RateLimit=<name>}: applies the limit {@code instaclone.gateway.rate-limit.limits.<name>}
 * (a Bucket4j token bucket per user or per IP, see {@link ResilienceProperties.Limit}). Over the
 * limit, the client gets 429 {@code rate-limited} with {@code Retry-After} (seconds until the next
 * request would be allowed) and the request never reaches the service.
 * <p>
 * Buckets live in this gateway's memory, one per key in a Caffeine cache: bounded by
 * {@code max-keys} per limit, and a key idle for the limit's whole period is dropped (its bucket
 * would be full again anyway, so dropping it changes nothing). With several gateway replicas each
 * keeps its own buckets. Users are keyed by the verified token's subject; IP addresses by the
 * connection's remote address (behind a proxy, set {@code server.forward-headers-strategy}).
 */
@Component
class RateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<RateLimitGatewayFilterFactory.Config> {

	/** Before the breaker (1) and the retry (2): a refused request costs nothing upstream. */
	static final int ORDER = -10;

	/** What {@link Buckets#take} answers when the request may pass. */
	private static final Long NOT_LIMITED = 0L;

	private final ResilienceProperties.RateLimit properties;

	private final MeterRegistry meters;

	RateLimitGatewayFilterFactory(ResilienceProperties properties, MeterRegistry meters) {
		super(Config.class);
		this.properties = properties.rateLimit();
		this.meters = meters;
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("name");
	}

	@Override
	public GatewayFilter apply(Config config) {
		String name = config.getName();
		ResilienceProperties.Limit limit = name != null ? this.properties.limits().get(name) : null;
		if (limit == null) {
			throw new IllegalArgumentException("RateLimit: no limit instaclone.gateway.rate-limit.limits." + name
					+ " (known: " + this.properties.limits().keySet() + ")");
		}
		if (!this.properties.enabled() || limit.requests() <= 0) {
			return new OrderedGatewayFilter((exchange, chain) -> chain.filter(exchange), ORDER);
		}
		Buckets buckets = new Buckets(name, limit, this.properties.maxKeys(),
				this.meters.counter("instaclone.gateway.rate.limited", "limit", name));
		return new OrderedGatewayFilter((exchange, chain) -> buckets.key(exchange)
			.map(buckets::take)
			.defaultIfEmpty(NOT_LIMITED)
			.flatMap(waitNanos -> {
				if (waitNanos.longValue() == 0) {
					return chain.filter(exchange);
				}
				buckets.rejected.increment();
				return Mono.error(TryLater.rateLimited(name, waitNanos));
			}), ORDER);
	}

	/** The buckets of one limit. */
	static final class Buckets {

		private final Bandwidth bandwidth;

		private final ResilienceProperties.Key keyType;

		private final Cache<Object, Bucket> byKey;

		final Counter rejected;

		Buckets(String name, ResilienceProperties.Limit limit, int maxKeys, Counter rejected) {
			this.bandwidth = Bandwidth.builder()
				.capacity(limit.requests())
				.refillGreedy(limit.requests(), limit.per())
				.id(name)
				.build();
			this.keyType = limit.key();
			this.byKey = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(limit.per()).build();
			this.rejected = rejected;
		}

		/** Takes a token from the key's bucket: {@code 0} when there was one, else nanoseconds until there is. */
		Long take(Object key) {
			Bucket bucket = this.byKey.get(key, k -> Bucket.builder().addLimit(this.bandwidth).build());
			ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
			return probe.isConsumed() ? NOT_LIMITED : Long.valueOf(Math.max(1, probe.getNanosToWaitForRefill()));
		}

		/**
		 * The user's id (a string) or the client's address (an {@code InetAddress}, so no string is
		 * built per request); empty when the limit is per user and nobody is signed in.
		 */
		Mono<Object> key(ServerWebExchange exchange) {
			return switch (this.keyType) {
				case IP -> Mono.justOrEmpty(address(exchange));
				case USER -> exchange.getPrincipal().map(Principal::getName);
				case USER_OR_IP -> exchange.getPrincipal()
					.<Object>map(Principal::getName)
					.switchIfEmpty(Mono.defer(() -> Mono.justOrEmpty(address(exchange))));
			};
		}

		private static @Nullable Object address(ServerWebExchange exchange) {
			InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
			return remote == null ? null : remote.getAddress() != null ? remote.getAddress() : remote.getHostString();
		}
	}

	/** The filter's argument: the name of the limit. */
	public static class Config {

		private @Nullable String name;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}
	}
}
