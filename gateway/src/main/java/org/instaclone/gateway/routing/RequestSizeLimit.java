package org.instaclone.gateway.routing;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Rejects request bodies above {@code instaclone.gateway.max-request-size} with 413: at once when
 * {@code Content-Length} says so, or as soon as a chunked body grows past the limit. Nothing is
 * buffered; the body still streams through to the service.
 */
@Component
class RequestSizeLimit implements WebFilter, Ordered {

	private final long maxBytes;

	RequestSizeLimit(RoutingProperties properties) {
		this.maxBytes = properties.maxRequestSize().toBytes();
	}

	@Override
	public int getOrder() {
		// before security: an oversized body is refused whoever sends it
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long length = request.getHeaders().getContentLength();
		if (length > maxBytes) {
			return Mono.error(tooLarge());
		}
		if (length >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			// a length to check at once, or no body at all: an HTTP/1.1 request without Content-Length
			// or Transfer-Encoding has none (RFC 9112 6.3), as most GETs; nothing to count or wrap
			return chain.filter(exchange);
		}
		ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong total = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (total.addAndGet(buffer.readableByteCount()) > maxBytes) {
						DataBufferUtils.release(buffer);
						sink.error(tooLarge());
					}
					else {
						sink.next(buffer);
					}
				});
			}
		};
		return chain.filter(exchange.mutate().request(counted).build());
	}

	private ResponseStatusException tooLarge() {
		return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than the gateway accepts (" + readable(maxBytes) + ").");
	}

	private static String readable(long bytes) {
		return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : bytes >= 1 << 10 ? (bytes >> 10) + " KB" : bytes + " bytes";
	}
}
