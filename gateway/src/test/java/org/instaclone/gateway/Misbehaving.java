package org.instaclone.gateway;

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
import org.instaclone.testsupport.TestTokens;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A service stand-in whose behaviour a test picks by the last path segment, counting the requests
 * that reach it per path: {@code ok}, {@code fail} (500 problem), {@code slow-<ms>} (200 after a
 * pause), {@code hangup} (closes the connection without answering), {@code unavailable-once} (503
 * the first time a path is called, 200 after). Paths ending in {@code /switch}, and ad placements,
 * behave as {@link #mode} says at the moment. {@code /actuator/health/readiness} answers 200
 * {@code UP}, or 503 {@code OUT_OF_SERVICE} after {@link #ready(boolean) ready(false)}, as a Spring
 * Boot service does. Several can stand for instances of one service; {@link #Misbehaving(int)}
 * starts one again on the port of one that stopped.
 */
public final class Misbehaving {

	/** What paths ending in {@code /switch} do: one of the modes above. */
	public static volatile String mode = "ok";

	private final HttpServer server;

	private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

	private volatile boolean ready = true;

	/** On a free loopback port. */
	public Misbehaving() {
		this(0);
	}

	/** On this loopback port ({@code 0}: any free one). */
	public Misbehaving(int port) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
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
	public static void routeEverythingTo(DynamicPropertyRegistry registry, Supplier<Object> url) {
		for (String service : new String[] { "FOLLOW", "UPLOAD", "ADS", "INTEGRATIONS", "METRICS" }) {
			registry.add(service + "_SERVICE_URL", url);
		}
		registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout",
				() -> StubUpstream.RESPONSE_TIMEOUT);
		registry.add("instaclone.security.jwks-uri", TestTokens::jwksUri);
		registry.add("instaclone.security.issuer", () -> TestTokens.ISSUER);
		registry.add("instaclone.security.audience", () -> TestTokens.AUDIENCE);
	}

	/** What {@code /actuator/health/readiness} answers from now on: 200 UP or 503 OUT_OF_SERVICE. */
	public void ready(boolean ready) {
		this.ready = ready;
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Requests that reached the stand-in at this path (any method). */
	public int hits(String path) {
		AtomicInteger count = this.hits.get(path);
		return count == null ? 0 : count.get();
	}

	/** At once: the listening socket and every connection are closed, answers being written or not. */
	public void stop() {
		this.server.stop(0);
	}

	/**
	 * As a service's graceful shutdown does: new connections are refused at once, requests being
	 * handled are answered (waiting up to {@code seconds}), then every connection is closed.
	 */
	public void stopGracefully(int seconds) {
		this.ready = false;
		this.server.stop(seconds);
	}

	private void handle(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		String path = exchange.getRequestURI().getPath();
		int count = this.hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
		String last = path.substring(path.lastIndexOf('/') + 1);
		String behaviour = last.equals("switch") || last.equals("placements") ? mode : last;
		if (path.equals("/actuator/health/readiness")) {
			send(exchange, this.ready ? 200 : 503, "application/json",
					this.ready ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}");
		}
		else if (behaviour.equals("fail")) {
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

	/** Answers a stand-in request with a body of the given type (also used by the routing tests' stubs). */
	public static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
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
