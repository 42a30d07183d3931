package org.instaclone.metrics.view;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.metrics.ServiceTest;
import org.instaclone.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The beacon over HTTP on real PostgreSQL: exactly once per event id, and bad batches store nothing. */
@ServiceTest
class ViewControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	final UUID viewer = UUID.randomUUID();

	final UUID post = UUID.randomUUID();

	@Test
	void aBatchCountsOnceHoweverOftenItIsSent() throws Exception {
		Instant at = Instant.now().minusSeconds(30);
		List<Map<String, Object>> views = List.of(view(UUID.randomUUID(), post, at), view(UUID.randomUUID(), post, at),
				view(UUID.randomUUID(), UUID.randomUUID(), at));
		long platformBefore = platformViews(at);

		beacon(viewer, views).andExpect(status().isAccepted());
		assertThat(postViews(post)).isEqualTo(2);
		assertThat(platformViews(at)).isEqualTo(platformBefore + 3);

		beacon(viewer, views).andExpect(status().isAccepted()); // the client's retry, or a replay
		beacon(viewer, List.of(views.get(0), views.get(0))).andExpect(status().isAccepted()); // duplicate inside a batch
		assertThat(postViews(post)).isEqualTo(2);
		assertThat(platformViews(at)).isEqualTo(platformBefore + 3);
		assertThat(stored(viewer)).isEqualTo(3);
	}

	@Test
	void theSameEventIdFromAnotherViewerIsAnotherView() throws Exception {
		Map<String, Object> view = view(UUID.randomUUID(), post, Instant.now());
		beacon(viewer, List.of(view)).andExpect(status().isAccepted());
		beacon(UUID.randomUUID(), List.of(view)).andExpect(status().isAccepted());
		assertThat(postViews(post)).isEqualTo(2);
	}

	@Test
	void aViewFromTheFutureOrOlderThanADayRejectsTheWholeBatch() throws Exception {
		Instant now = Instant.now();
		for (Instant bad : List.of(now.plus(Duration.ofMinutes(10)), now.minus(Duration.ofHours(25)))) {
			beacon(viewer, List.of(view(UUID.randomUUID(), post, now), view(UUID.randomUUID(), post, bad)))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/validation"))
				.andExpect(jsonPath("$.errors[0].field").value("views[1].viewedAt"));
		}
		beacon(viewer, List.of(view(UUID.randomUUID(), post, now.plus(Duration.ofMinutes(2))),
				view(UUID.randomUUID(), post, now.minus(Duration.ofHours(23)))))
			.andExpect(status().isAccepted()); // a little clock skew, and yesterday's views, are fine
		assertThat(stored(viewer)).isEqualTo(2);
	}

	@Test
	void batchesAreCappedAndEveryFieldIsRequired() throws Exception {
		List<Map<String, Object>> tooMany = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			tooMany.add(view(UUID.randomUUID(), post, Instant.now()));
		}
		beacon(viewer, tooMany).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("views"));
		beacon(viewer, List.of()).andExpect(status().isBadRequest());
		beacon(viewer, List.of(Map.of("postId", post.toString(), "viewedAt", Instant.now().toString())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("views[0].eventId"));
		beacon(viewer, List.of(Map.of("eventId", "not-a-uuid", "postId", post.toString(), "viewedAt",
				Instant.now().toString()))).andExpect(status().isBadRequest());
		assertThat(stored(viewer)).isZero();
	}

	@Test
	void aBodyAboveTheLimitIsRefusedUnread() throws Exception {
		String padding = " ".repeat(70 * 1024);
		mvc.perform(post("/api/metrics/views").contentType(MediaType.APPLICATION_JSON)
			.content("{\"views\":[]}" + padding)
			.header("Authorization", "Bearer " + TestTokens.accessToken(viewer, "big")))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/payload-too-large"));
	}

	@Test
	void needsAnAccessToken() throws Exception {
		mvc.perform(post("/api/metrics/views").contentType(MediaType.APPLICATION_JSON)
			.content("{\"views\":[]}"))
			.andExpect(status().isUnauthorized());
	}

	private ResultActions beacon(UUID user, List<Map<String, Object>> views) throws Exception {
		return mvc.perform(post("/api/metrics/views").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("views", views)))
			.header("Authorization", "Bearer " + TestTokens.accessToken(user, "v" + user.toString().substring(0, 8))));
	}

	static Map<String, Object> view(UUID eventId, UUID postId, Instant at) {
		return Map.of("eventId", eventId.toString(), "postId", postId.toString(), "viewedAt", at.toString());
	}

	private long postViews(UUID postId) {
		return jdbc.sql("select coalesce(sum(value), 0) from rollup where metric = 'post-views' and subject_id = ? and grain = 'day'")
			.param(postId)
			.query(Long.class)
			.single();
	}

	private long platformViews(Instant at) {
		return jdbc.sql("""
				select coalesce(sum(value), 0) from rollup
				where metric = 'views' and grain = 'minute' and bucket = date_trunc('minute', ?::timestamptz, 'UTC')""")
			.param(java.sql.Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	private long stored(UUID user) {
		return jdbc.sql("select count(*) from post_view where viewer_id = ?").param(user).query(Long.class).single();
	}
}
