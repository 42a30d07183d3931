package org.instaclone.ads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** End to end: a campaign's life reaches Kafka as CloudEvents, in order; operations endpoints answer. */
@ServiceTest
class AdsServiceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	ConsumerFactory<String, String> consumers;

	@Test
	void campaignEventsArriveOnTheAdsTopicInOrder() throws Exception {
		String token = "Bearer " + TestTokens.accessToken(UUID.randomUUID(), "adv");
		String body = json.writeValueAsString(Map.of("name", "Launch", "headline", "New lens", "callToActionUrl",
				"https://lens.example", "mediaKey", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.jpg", "dailyBudgetCents", 100,
				"bidCpmCents", 50));
		String id = json.readTree(mvc.perform(post("/api/ads/campaigns").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
			.get("id")
			.asString();
		mvc.perform(post("/api/ads/campaigns/" + id + "/activate").header("Authorization", token))
			.andExpect(status().isOk());

		List<JsonNode> received = new ArrayList<>();
		try (Consumer<String, String> consumer = consumers.createConsumer("ads-test-" + UUID.randomUUID(), null)) {
			consumer.subscribe(List.of("ads"));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (id.equals(record.key())) {
						received.add(json.readTree(record.value()));
					}
				}
				return received.size() >= 2;
			});
		}
		assertThat(received).extracting(e -> e.get("type").asString())
			.containsExactly("instaclone.ad.campaign-created.v1", "instaclone.ad.campaign-activated.v1");
		assertThat(received.get(1).get("data").get("status").asString()).isEqualTo("active");
		assertThat(received.get(1).get("source").asString()).isEqualTo("/ads-service");
	}

	@Test
	void exposesProbesMetricsAndTheApiDocument() throws Exception {
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
			.andExpect(content().string(containsString("outbox_backlog")));
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/ads/campaigns/{id}/activate']").exists())
			.andExpect(jsonPath("$.paths['/api/ads/placements'].get.summary").exists());
	}
}
