package org.instaclone.gateway;

import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway's Prometheus scrape, as tests read it. */
public final class Prometheus {

	private Prometheus() {
	}

	/** {@code GET /actuator/prometheus} (public, like Prometheus scrapes it): asserts 200, returns the text. */
	public static String scrape(WebTestClient client) {
		return client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
