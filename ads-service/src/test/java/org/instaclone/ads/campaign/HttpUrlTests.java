package org.instaclone.ads.campaign;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HttpUrlTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://shop.example/spring?utm=ad", "http://example.com", "HTTPS://EXAMPLE.COM/x" })
	void acceptsHttpAndHttpsLinks(String url) {
		assertThat(HttpUrl.Validator.isHttpUrl(url)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "JavaScript://%0aalert(1)", "data:text/html,<script>", "file:///etc/passwd",
			"ftp://example.com", "//example.com/path", "/relative", "https://", "https://user:pw@example.com/",
			"not a url" })
	void rejectsEverythingElse(String url) {
		assertThat(HttpUrl.Validator.isHttpUrl(url)).isFalse();
	}
}
