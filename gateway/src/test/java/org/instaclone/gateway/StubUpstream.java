package org.instaclone.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.instaclone.testsupport.TestTokens;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Stands in for the services behind the gateway: a JDK HTTP server on a random loopback port that
 * echoes what it received as JSON, so tests can see what the gateway forwarded. A few paths behave
 * badly on purpose. ads-service is pointed at a closed port (a service that is down). Import this
 * into a {@code @SpringBootTest}; every test class that does shares one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StubUpstream {

	/** How long the stub takes on {@code /api/posts/slow}: longer than the test's response timeout. */
	public static final int SLOW_MILLIS = 4_000;

	/** The gateway's response timeout in these tests. */
	public static final String RESPONSE_TIMEOUT = "1s";

	/** The gateway's body limit in these tests. */
	public static final int MAX_REQUEST_BYTES = 64 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpServer SERVER = start();

	private static final int CLOSED_PORT = closedPort();

	@Bean
	DynamicPropertyRegistrar stubUpstreamProperties() {
		return registry -> {
			String up = url();
			registry.add("FOLLOW_SERVICE_URL", () -> up);
			registry.add("UPLOAD_SERVICE_URL", () -> up);
			registry.add("INTEGRATIONS_SERVICE_URL", () -> up);
			registry.add("METRICS_SERVICE_URL", () -> up);
			registry.add("ADS_SERVICE_URL", StubUpstream::downUrl);
			registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> RESPONSE_TIMEOUT);
			registry.add("instaclone.gateway.max-request-size", () -> MAX_REQUEST_BYTES + "B");
			registry.add("instaclone.security.jwks-uri", TestTokens::jwksUri);
			registry.add("instaclone.security.issuer", () -> TestTokens.ISSUER);
			registry.add("instaclone.security.audience", () -> TestTokens.AUDIENCE);
		};
	}

	/** The base URL of a port nothing listens on: a service that is down. */
	public static String downUrl() {
		return "http://127.0.0.1:" + CLOSED_PORT;
	}

	/** The stub's base URL. */
	public static String url() {
		return "http://127.0.0.1:" + SERVER.getAddress().getPort();
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.setExecutor(Executors.newCachedThreadPool());
			server.createContext("/", StubUpstream::echo);
			server.createContext("/api/posts/slow", exchange -> {
				sleep(SLOW_MILLIS);
				echo(exchange);
			});
			server.createContext("/api/users/nobody", exchange -> {
				exchange.getRequestBody().readAllBytes();
				byte[] problem = """
						{"type":"https://instaclone.dev/problems/user-not-found","title":"User not found",\
						"status":404,"detail":"No user has the handle 'nobody'.","instance":"/api/users/nobody"}"""
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
				exchange.sendResponseHeaders(404, problem.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(problem);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Answers with what arrived: method, path, query, selected headers and the body size. */
	private static void echo(HttpExchange exchange) throws IOException {
		int bodyBytes = exchange.getRequestBody().readAllBytes().length;
		Map<String, Object> seen = new ConcurrentHashMap<>();
		seen.put("method", exchange.getRequestMethod());
		seen.put("path", exchange.getRequestURI().getRawPath());
		seen.put("query", String.valueOf(exchange.getRequestURI().getRawQuery()));
		seen.put("bodyBytes", bodyBytes);
		for (String header : new String[] { "Authorization", "traceparent", "Cookie" }) {
			String value = exchange.getRequestHeaders().getFirst(header);
			if (value != null) {
				seen.put(header.toLowerCase(), value);
			}
		}
		byte[] body = JSON.writeValueAsBytes(seen);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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
