package org.instaclone.integrations.endpoint;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookUrlPolicyTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://hooks.example.com/instaclone", "http://example.org:8080/x?y=1",
			"https://203.0.113.7/hook", "https://[2001:db8::1]/hook" })
	void allowsPublicHttpTargets(String url) {
		assertThat(WebhookUrlPolicy.refusal(url)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost/x", "https://LOCALHOST./x", "http://api.localhost/x",
			"http://127.0.0.1/x", "http://127.10.0.1:8080/x", "http://127.1/x", "http://2130706433/x",
			"http://0x7f000001/x", "http://0.0.0.0/x", "http://10.1.2.3/x", "http://172.16.0.1/x",
			"http://192.168.1.1/x", "http://100.64.0.1/x", "http://169.254.169.254/latest/meta-data",
			"http://[::1]/x", "http://[::ffff:127.0.0.1]/x", "http://[fe80::1]/x", "http://[fd00::1]/x",
			"ftp://example.com/x", "javascript:alert(1)", "file:///etc/passwd", "https://user:pw@example.com/x",
			"//example.com/x", "https:///x", "not a url" })
	void refusesEverythingElse(String url) {
		assertThat(WebhookUrlPolicy.refusal(url)).isPresent();
	}
}
