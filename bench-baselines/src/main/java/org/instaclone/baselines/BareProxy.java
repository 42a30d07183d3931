package org.instaclone.baselines;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * The least a reverse proxy can do: a Reactor Netty server whose every request is sent on to one
 * upstream by a Reactor Netty client with a pool of keep-alive connections, method, path, query,
 * headers and body as they came, and whose answer (status, headers, body, streamed) goes back as it
 * came. Hop-by-hop headers are dropped both ways and {@code Host} is the upstream's, as any proxy does.
 * No routing, security, filters, metrics, tracing or retries: the same event loops and client the
 * gateway's {@code NettyRoutingFilter} uses, with nothing else. A failed upstream is a bare
 * {@code 502}.
 */
public final class BareProxy {

	private static final Set<AsciiString> HOP_BY_HOP = Set.of(HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
			HttpHeaderNames.PROXY_CONNECTION, HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.UPGRADE,
			HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.PROXY_AUTHENTICATE, HttpHeaderNames.PROXY_AUTHORIZATION);

	private BareProxy() {
	}

	/**
	 * Binds {@code host:port} (0: any free port) and proxies to {@code upstream} (scheme, host and port;
	 * its path is ignored) over at most {@code maxConnections} pooled connections.
	 */
	public static DisposableServer start(String host, int port, URI upstream, int maxConnections) {
		ConnectionProvider pool = ConnectionProvider.builder("bare-proxy")
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(-1)
			.maxIdleTime(Duration.ofSeconds(30))
			.build();
		HttpClient client = HttpClient.create(pool).baseUrl(upstream.getScheme() + "://" + upstream.getRawAuthority());
		return HttpServer.create()
			.host(host)
			.port(port)
			.handle((request, response) -> forward(client, request, response))
			.bindNow();
	}

	private static Mono<Void> forward(HttpClient client, HttpServerRequest request, HttpServerResponse response) {
		HttpHeaders incoming = request.requestHeaders();
		HttpClient.RequestSender sender = client.headers(headers -> copy(incoming, headers, HttpHeaderNames.HOST))
			.request(request.method())
			.uri(request.uri());
		boolean body = incoming.contains(HttpHeaderNames.CONTENT_LENGTH) || incoming.contains(HttpHeaderNames.TRANSFER_ENCODING);
		HttpClient.ResponseReceiver<?> receiver = body ? sender.send((upstreamRequest, out) -> out.send(request.receive().retain()))
				: sender;
		return receiver
			.response((answer, content) -> {
				copy(answer.responseHeaders(), response.responseHeaders(), null);
				return response.status(answer.status()).send(content.retain());
			})
			.then()
			.onErrorResume(failure -> response.hasSentHeaders() ? Mono.error(failure)
					: response.status(HttpResponseStatus.BAD_GATEWAY).send());
	}

	/** {@code to} plus every end-to-end header of {@code from} except {@code skip}. */
	private static void copy(HttpHeaders from, HttpHeaders to, @Nullable AsciiString skip) {
		from.forEach(header -> {
			AsciiString name = AsciiString.of(header.getKey()).toLowerCase();
			if (!HOP_BY_HOP.contains(name) && !name.equals(skip)) {
				to.add(name, header.getValue());
			}
		});
	}

	/** {@code BareProxy --upstream=http://127.0.0.1:18090 [--host=127.0.0.1] [--port=18091] [--max-connections=500]} */
	public static void main(String[] args) {
		Options options = Options.parse(args);
		URI upstream = URI.create(options.get("upstream", "http://127.0.0.1:18090"));
		DisposableServer server = start(options.get("host", "127.0.0.1"), Integer.parseInt(options.get("port", "18091")),
				upstream, Integer.parseInt(options.get("max-connections", "500")));
		System.out.println("BASELINE READY bare-proxy http://" + server.host() + ":" + server.port() + " -> " + upstream);
		server.onDispose().block();
	}
}
