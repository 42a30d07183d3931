package org.instaclone.gateway.resilience;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.instaclone.gateway.StubUpstream;
import org.instaclone.testsupport.TestTokens;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A service stand-in whose behaviour a test picks by the last path segment, counting the requests
 * that reach it per path: {@code ok}, {@code fail} (500 problem), {@code slow-<ms>} (200 after a
 * pause), {@code hangup} (closes the connection without answering), {@code unavailable-once} (503
 * the first time a path is called, 200 after). Paths ending in {@code /switch}, and ad placements,
 * behave as {@link #mode} says at the moment.
 */
final class Misbehaving {

	/** What paths ending in {@code /switch} do: one of the modes above. */
	static volatile String mode = "ok";

	private final HttpServer server;

	private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

	Misbehaving() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Points every service at {@code url}, with the tests' response timeout and token settings; for a
	 * test's own {@code DynamicPropertyRegistrar}.
	 */
	static void routeEverythingTo(DynamicPropertyRegistry registry, Supplier<Object> url) {
		for (String service : new String[] { "FOLLOW", "UPLOAD", "ADS", "INTEGRATIONS", "METRICS" }) {
			registry.add(service + "_SERVICE_URL", url);
		}
		registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout",
				() -> StubUpstream.RESPONSE_TIMEOUT);
		registry.add("instaclone.security.jwks-uri", TestTokens::jwksUri);
		registry.add("instaclone.security.issuer", () -> TestTokens.ISSUER);
		registry.add("instaclone.security.audience", () -> TestTokens.AUDIENCE);
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Requests that reached the stand-in at this path (any method). */
	int hits(String path) {
		AtomicInteger count = this.hits.get(path);
		return count == null ? 0 : count.get();
	}

	void stop() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		String path = exchange.getRequestURI().getPath();
		int count = this.hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
		String last = path.substring(path.lastIndexOf('/') + 1);
		String behaviour = last.equals("switch") || last.equals("placements") ? mode : last;
		if (behaviour.equals("fail")) {
			send(exchange, 500, "application/problem+json", """
					{"type":"https://instaclone.dev/problems/internal","title":"Internal error","status":500}""");
		}
		else if (behaviour.startsWith("slow-")) {
			sleep(Integer.parseInt(behaviour.substring("slow-".length())));
			send(exchange, 200, "application/json", "{\"slow\":true}");
		}
		else if (behaviour.equals("hangup")) {
			exchange.close();
		}
		else if (behaviour.equals("unavailable-once") && count == 1) {
			send(exchange, 503, "application/problem+json", """
					{"type":"https://instaclone.dev/problems/service-unavailable","title":"Busy","status":503}""");
		}
		else {
			send(exchange, 200, "application/json", last.equals("placements") ? "{\"placements\":[]}" : "{\"ok\":true}");
		}
	}

	private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void sleep(int millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
