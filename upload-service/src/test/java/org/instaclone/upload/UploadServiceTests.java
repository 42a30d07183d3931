package org.instaclone.upload;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** End to end: Kafka in, the feed out; posts out through the outbox to Kafka; operations endpoints. */
@ServiceTest
class UploadServiceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	FollowEvents follows;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFollowEventPutsTheFolloweesPostsInTheFollowersFeedOnceAndAnUnfollowTakesThemOut() throws Exception {
		UUID follower = UUID.randomUUID();
		UUID followee = UUID.randomUUID();
		String post = json.readTree(mvc.perform(post("/api/posts").header("Authorization", bearer(followee, "erin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"caption\":\"sunset\"}")).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString()).get("id").asString();
		mvc.perform(get("/api/feed").header("Authorization", bearer(follower, "fred")))
			.andExpect(jsonPath("$.items", hasSize(0)));

		String followId = follows.follow(follower, followee);
		mvc.perform(get("/api/feed").header("Authorization", bearer(follower, "fred")))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].id").value(post))
			.andExpect(jsonPath("$.items[0].authorHandle").value("erin"));

		// the same event again (a redelivery) is skipped; the edge stays single
		follows.sendAndWait(followId, FollowEvents.CREATED, follower, followee);
		assertThat(processed(followId)).isEqualTo(1);
		assertThat(edges(follower)).isEqualTo(1);

		follows.unfollow(follower, followee);
		mvc.perform(get("/api/feed").header("Authorization", bearer(follower, "fred")))
			.andExpect(jsonPath("$.items", hasSize(0)));

		// a late redelivery of the old follow must not resurrect the edge
		follows.sendAndWait(followId, FollowEvents.CREATED, follower, followee);
		assertThat(edges(follower)).isZero();
	}

	@Test
	void theOutboxRelaySendsPostEventsToKafka() throws Exception {
		UUID author = UUID.randomUUID();
		String post = json.readTree(mvc.perform(post("/api/posts").header("Authorization", bearer(author, "gina"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"caption\":\"relayed\"}")).andReturn().getResponse().getContentAsString()).get("id").asString();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("select count(*) from outbox_event where sent_at is not null and payload like ?")
				.param("%" + post + "%")
				.query(Long.class)
				.single() == 1);
	}

	@Test
	void exposesProbesMetricsAndTheApiDocument() throws Exception {
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")));
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/posts']").exists())
			.andExpect(jsonPath("$.paths['/api/feed']").exists())
			.andExpect(jsonPath("$.paths['/api/media/{key}']").exists())
			.andExpect(jsonPath("$.paths['/api/posts'].post.requestBody.content['multipart/form-data']").exists());
	}

	private long processed(String eventId) {
		return jdbc.sql("select count(*) from processed_event where event_id = ?").param(eventId).query(Long.class)
			.single();
	}

	private long edges(UUID follower) {
		return jdbc.sql("select count(*) from follow_edge where follower_id = ?").param(follower).query(Long.class)
			.single();
	}

	private static String bearer(UUID user, String handle) {
		return "Bearer " + TestTokens.accessToken(user, handle);
	}
}
