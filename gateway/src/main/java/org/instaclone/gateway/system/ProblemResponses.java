package org.instaclone.gateway.system;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes RFC 9457 {@code application/problem+json} responses produced by the gateway itself (errors
 * from the services pass through untouched). The {@code type} URIs share the services' base, so a
 * client handles a problem the same way whoever answered.
 */
public final class ProblemResponses {

	/** Base of every problem {@code type}; the slug names the kind of problem. */
	public static final String TYPE_BASE = "https://instaclone.dev/problems/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title,
			String detail) {
		ServerHttpResponse response = exchange.getResponse();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", TYPE_BASE + slug);
		body.put("title", title);
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("instance", exchange.getRequest().getPath().value());
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		// a problem is about this request only
		response.getHeaders().setCacheControl("no-store");
		byte[] bytes = JSON.writeValueAsBytes(body);
		response.getHeaders().setContentLength(bytes.length);
		DataBuffer buffer = response.bufferFactory().wrap(bytes);
		return response.writeWith(Mono.just(buffer));
	}
}
