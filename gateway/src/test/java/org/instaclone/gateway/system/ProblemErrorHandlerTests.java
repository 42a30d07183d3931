package org.instaclone.gateway.system;

import java.util.UUID;

import org.instaclone.gateway.StubUpstream;
import org.instaclone.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// generous: a busy 2-core CI machine can take seconds for a first request; tests still assert their own limits
@AutoConfigureWebTestClient(timeout = "30s")
@Import(StubUpstream.class)
class ProblemErrorHandlerTests {

	@Autowired
	WebTestClient client;

	@Test
	void anUnknownPathIsA404ProblemNeverAnHtmlPage() {
		String body = client.get()
			.uri("/no/such/page")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).contains("\"type\":\"https://instaclone.dev/problems/not-found\"")
			.contains("\"instance\":\"/no/such/page\"")
			.doesNotContain("Whitelabel", "<html", "Exception", "at org.");
	}

	@Test
	void anUnroutedApiPathWithAValidTokenIsA404Problem() {
		client.get()
			.uri("/api/nothing-here")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.accessToken(UUID.randomUUID(), "ada"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://instaclone.dev/problems/not-found");
	}

	@Test
	void aWrongMethodOnTheWebClientIsA405Problem() {
		client.delete()
			.uri("/index.html")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://instaclone.dev/problems/method-not-allowed");
	}
}
