package org.instaclone.baselines;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;

import static org.assertj.core.api.Assertions.assertThat;

class BaselinesTests {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void minimalServerAnswersEveryRequestWithTheFixedBody() throws Exception {
		DisposableServer server = MinimalServer.start("127.0.0.1", 0);
		try {
			for (String path : new String[] { "/", "/api/feed?limit=20", "/anything/else" }) {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).isEqualTo(MinimalServer.BODY);
				assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
			}
		}
		finally {
			server.disposeNow();
		}
	}

	@Test
	void bareProxyPassesMethodPathHeadersBodyAndStatusBothWays() throws Exception {
		// an upstream that echoes what it received, with its own status and header
		HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		upstream.createContext("/", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String echo = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth="
					+ exchange.getRequestHeaders().getFirst("Authorization") + " host="
					+ exchange.getRequestHeaders().getFirst("Host") + " body=" + new String(body);
			exchange.getResponseHeaders().add("X-Upstream", "yes");
			byte[] answer = echo.getBytes();
			exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 404, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		upstream.start();
		String upstreamAuthority = "127.0.0.1:" + upstream.getAddress().getPort();
		DisposableServer proxy = BareProxy.start("127.0.0.1", 0, URI.create("http://" + upstreamAuthority), 4);
		try {
			String base = "http://127.0.0.1:" + proxy.port();
			HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(base + "/api/users/x?a=1&b=2"))
				.header("Authorization", "Bearer t")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(get.statusCode()).isEqualTo(404);
			assertThat(get.headers().firstValue("x-upstream")).hasValue("yes");
			assertThat(get.body()).isEqualTo("GET /api/users/x?a=1&b=2 auth=Bearer t host=" + upstreamAuthority + " body=");

			HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/api/posts"))
				.POST(HttpRequest.BodyPublishers.ofString("{\"caption\":\"hi\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(post.statusCode()).isEqualTo(201);
			assertThat(post.body()).endsWith("body={\"caption\":\"hi\"}");
		}
		finally {
			proxy.disposeNow();
			upstream.stop(0);
		}
	}

	@Test
	void bareProxyAnswers502WhenTheUpstreamIsDown() throws IOException, InterruptedException {
		DisposableServer proxy = BareProxy.start("127.0.0.1", 0, URI.create("http://127.0.0.1:1"), 4);
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + "/x")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(502);
		}
		finally {
			proxy.disposeNow();
		}
	}
}
