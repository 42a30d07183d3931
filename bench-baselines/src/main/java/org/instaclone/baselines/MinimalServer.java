package org.instaclone.baselines;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The ceiling: a Reactor Netty server that answers every request, whatever its method and path, with
 * {@code 200} and the same 11-byte JSON body ({@value #BODY}) from one pre-built buffer. No routing,
 * no codecs, no metrics, no access log; keep-alive as any HTTP/1.1 server. What one hop on this
 * machine can do at best.
 */
public final class MinimalServer {

	/** The body of every answer. */
	public static final String BODY = "{\"ok\":true}";

	private static final ByteBuf CONTENT = Unpooled
		.unreleasableBuffer(Unpooled.directBuffer(BODY.length()).writeBytes(BODY.getBytes(StandardCharsets.US_ASCII)))
		.asReadOnly();

	private MinimalServer() {
	}

	/** Binds {@code host:port} (port 0: any free port) and serves until disposed. */
	public static DisposableServer start(String host, int port) {
		String length = String.valueOf(CONTENT.readableBytes());
		return HttpServer.create()
			.host(host)
			.port(port)
			.handle((request, response) -> response.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
				.header(HttpHeaderNames.CONTENT_LENGTH, length)
				.sendObject(CONTENT.duplicate()))
			.bindNow();
	}

	/** {@code MinimalServer [--host=127.0.0.1] [--port=18090]} */
	public static void main(String[] args) {
		Options options = Options.parse(args);
		DisposableServer server = start(options.get("host", "127.0.0.1"), Integer.parseInt(options.get("port", "18090")));
		System.out.println("BASELINE READY minimal-server http://" + server.host() + ":" + server.port());
		server.onDispose().block();
	}
}
