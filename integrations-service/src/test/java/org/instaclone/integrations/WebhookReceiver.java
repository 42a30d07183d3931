package org.instaclone.integrations;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A third party's webhook endpoint on 127.0.0.1: records every request (headers, exact body, arrival
 * time) and answers as the test scripts it.
 */
public final class WebhookReceiver implements AutoCloseable {

	/** What arrived. Header names are lower case. */
	public record Received(Map<String, List<String>> headers, String body, Instant at) {

		public String header(String name) {
			List<String> values = headers.get(name);
			return values == null || values.isEmpty() ? "" : values.get(0);
		}
	}

	/** An answer: status, headers, body. */
	public record Reply(int status, Map<String, String> headers, String body) {

		public static Reply status(int status) {
			return new Reply(status, Map.of(), "");
		}
	}

	private final HttpServer server;

	// appended under its own lock; a copy-on-write list copied the whole list per request, which at
	// the benchmark's 1,000 requests a second was the JVM's largest allocation (docs/performance.md)
	private final List<Received> received = new ArrayList<>();

	private volatile Function<Received, Reply> script = r -> Reply.status(204);

	/** Keeps every request whole: headers, exact body, arrival time. */
	public WebhookReceiver() throws IOException {
		this(false);
	}

	/**
	 * @param idsOnly keep only each request's {@code webhook-id} and arrival time (the script still sees
	 * the whole request). For the benchmark: its receivers take 1,000 requests a second in the service's
	 * JVM, and whole requests (~2 KB each with their header maps) grew the live heap to ~480 MB, whose
	 * full collections (1 s, longer on a busy machine) stalled the service (docs/performance.md).
	 */
	public WebhookReceiver(boolean idsOnly) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(Executors.newCachedThreadPool());
		server.createContext("/", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			Map<String, List<String>> headers = new java.util.TreeMap<>();
			exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
			Received request = new Received(headers, new String(body, StandardCharsets.UTF_8), Instant.now());
			Received kept = idsOnly
					? new Received(Map.of("webhook-id", List.of(request.header("webhook-id"))), "", request.at())
					: request;
			synchronized (received) {
				received.add(kept);
			}
			Reply reply = script.apply(request);
			reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
			byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
			try (OutputStream os = exchange.getResponseBody()) {
				os.write(out);
			}
		});
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	public int port() {
		return server.getAddress().getPort();
	}

	public void answer(Function<Received, Reply> script) {
		this.script = script;
	}

	public List<Received> received() {
		synchronized (received) {
			return List.copyOf(received);
		}
	}

	/** How many requests arrived, without copying them. */
	public int count() {
		synchronized (received) {
			return received.size();
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
