package org.instaclone.systemtests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A third party's webhook endpoint on 127.0.0.1 (the JDK's HTTP server): answers 204 to every request
 * whose Standard Webhooks signature verifies with the endpoint's secret (401 otherwise) and keeps
 * what it got, per path, so a test can tell whether every event arrived and how often.
 */
final class WebhookReceiver implements AutoCloseable {

	/** One accepted request: the delivery ({@code webhook-id}) and the CloudEvent it carried. */
	record Received(String webhookId, String eventId, String eventType) {
	}

	private final HttpServer server;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();

	private final Map<String, ConcurrentLinkedQueue<Received>> received = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<String> rejected = new ConcurrentLinkedQueue<>();

	WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
		this.server.start();
	}

	/** The URL to register for {@code path}, e.g. {@code http://127.0.0.1:41234/hooks/alice}. */
	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** Verifies requests to {@code path} with this secret ({@code whsec_...}, as the API showed it once). */
	void expect(String path, String secret) {
		this.secrets.put(path, Base64.getDecoder().decode(secret.substring("whsec_".length())));
		this.received.putIfAbsent(path, new ConcurrentLinkedQueue<>());
	}

	List<Received> received(String path) {
		return List.copyOf(this.received.getOrDefault(path, new ConcurrentLinkedQueue<>()));
	}

	List<String> rejected() {
		return List.copyOf(this.rejected);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			byte[] body = exchange.getRequestBody().readAllBytes();
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
			String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
			byte[] secret = this.secrets.get(path);
			if (secret == null || id == null || timestamp == null || signatures == null
					|| !verifies(secret, id, timestamp, body, signatures)) {
				this.rejected.add(path + " " + id);
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			JsonNode event = this.json.readTree(body);
			this.received.get(path).add(new Received(id, event.path("id").asString(), event.path("type").asString()));
			exchange.sendResponseHeaders(204, -1);
		}
	}

	private static boolean verifies(byte[] secret, String id, String timestamp, byte[] body, String signatures) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			byte[] expected = mac.doFinal(body);
			for (String signature : signatures.split(" ")) {
				if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
						Base64.getDecoder().decode(signature.substring(3)))) {
					return true;
				}
			}
			return false;
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}
}
