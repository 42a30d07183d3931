package org.instaclone.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for follow-service's JWKS endpoint (a JDK HTTP server on a random loopback port) that a
 * test can change, make fail with 503, stop (connection refused) and {@link #restart() restart}, to see
 * what token verification does while follow-service is down. {@link TestTokens} keeps its own endpoint,
 * which never goes away.
 */
public final class JwksStandIn implements AutoCloseable {

	private final AtomicReference<@Nullable String> body;

	private final AtomicInteger requests = new AtomicInteger();

	private volatile HttpServer server;

	private JwksStandIn(@Nullable String body) {
		this.body = new AtomicReference<>(body);
		this.server = listen(0);
	}

	private HttpServer listen(int port) {
		HttpServer http;
		try {
			http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		http.createContext("/.well-known/jwks.json", exchange -> {
			this.requests.incrementAndGet();
			String keys = this.body.get();
			byte[] bytes = (keys == null ? "{\"status\":503}" : keys).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(keys == null ? 503 : 200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		http.start();
		return http;
	}

	/** Answers {@code jwks} (a JWK set's JSON, served as is). */
	public static JwksStandIn serving(String jwks) {
		return new JwksStandIn(jwks);
	}

	/** Answers 503, as a follow-service that is up but failing. */
	public static JwksStandIn failing() {
		return new JwksStandIn(null);
	}

	/** The public keys {@link TestTokens} signs with, as its JWKS endpoint publishes them. */
	public static JWKSet testTokensKeys() {
		try (InputStream in = URI.create(TestTokens.jwksUri()).toURL().openStream()) {
			return JWKSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** From now on answers {@code jwks}, or 503 when it is {@code null}. */
	public void serve(@Nullable String jwks) {
		this.body.set(jwks);
	}

	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/.well-known/jwks.json");
	}

	/** How many requests reached the endpoint. */
	public int requests() {
		return this.requests.get();
	}

	/** Stops listening: from now on a connection to {@link #uri()} is refused. */
	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * Listens again at the same {@link #uri()} after {@link #close()}: follow-service is back. (A stand-in
	 * closed at once, before anything asked it, is a follow-service that was down from the start.)
	 */
	public void restart() {
		this.server = listen(this.server.getAddress().getPort());
	}
}
