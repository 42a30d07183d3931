package org.instaclone.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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
	void theScriptsAndStylesArePublic() throws IOException {
		for (String file : new String[] { "/js/app.js", "/js/api.js", "/css/app.css", "/favicon.svg" }) {
			client.get().uri(file).exchange().expectStatus().isOk();
		}
		List<String> modules = scripts().stream().map(WebClientTests::path).toList();
		assertThat(modules).as("every screen is a module of its own").contains("/js/screens/feed.js",
				"/js/screens/upload.js", "/js/screens/insights.js", "/js/screens/integrations.js", "/js/screens/ads.js");
		for (String module : modules) {
			client.get()
				.uri(module)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.value("Content-Type", type -> assertThat(type).as(module).contains("javascript"));
		}
	}

	@Test
	void theScriptsNeverBuildMarkupFromStringsNorStoreTokens() throws IOException {
		for (Resource script : scripts()) {
			String source = script.getContentAsString(StandardCharsets.UTF_8);
			assertThat(source).as("%s: text goes in through textContent and attributes only; tokens stay in memory",
					path(script))
				.doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
						"new Function", "localStorage", "sessionStorage", "document.cookie", ".style.cssText",
						"setAttribute('style'");
		}
	}

	private static List<Resource> scripts() throws IOException {
		return List.of(new PathMatchingResourcePatternResolver().getResources("classpath:static/js/**/*.js"));
	}

	private static String path(Resource script) {
		try {
			String url = script.getURL().toString();
			return url.substring(url.lastIndexOf("/static/") + "/static".length());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
