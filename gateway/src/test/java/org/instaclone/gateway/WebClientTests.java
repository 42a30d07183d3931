package org.instaclone.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The web client's files are public and carry headers that keep injected scripts and framing out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// generous: a busy 2-core CI machine can take seconds for a first request; tests still assert their own limits
@AutoConfigureWebTestClient(timeout = "30s")
@Import(StubUpstream.class)
class WebClientTests {

	@Autowired
	WebTestClient client;

	@Test
	void thePageIsServedAtTheRootWithAStrictContentSecurityPolicy() {
		String html = client.get()
			.uri("/")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.value("Content-Security-Policy", csp -> assertThat(csp).contains("default-src 'self'")
				.contains("script-src 'self'")
				.contains("frame-ancestors 'none'")
				.doesNotContain("unsafe-inline", "unsafe-eval"))
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(html).contains("<script type=\"module\" src=\"/js/app.js\"></script>")
			.as("no inline scripts or styles, which the policy would block")
			.doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
			.doesNotContain("<style", "style=\"", "onclick=", "onsubmit=");
	}

	@Test
	void theScriptsAndStylesArePublic() {
		for (String file : new String[] { "/js/app.js", "/js/api.js", "/css/app.css", "/favicon.svg" }) {
			client.get().uri(file).exchange().expectStatus().isOk();
		}
	}
}
