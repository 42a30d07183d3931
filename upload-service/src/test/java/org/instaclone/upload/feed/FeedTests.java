package org.instaclone.upload.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.testsupport.TestTokens;
import org.instaclone.upload.FollowEvents;
import org.instaclone.upload.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The materialised home feed end to end: follows arrive as Kafka events (follow-service is not
 * running: the feed never calls it), posts through the API. Celebrity threshold 3, backfill 5.
 */
@ServiceTest
class FeedTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FollowEvents follows;

	@Autowired
	TimelineTrimmer trimmer;

	final UUID viewer = UUID.randomUUID();

	final UUID author = UUID.randomUUID();

	@Test
	void newPostsFanOutToFollowersAndTheAuthorAtOnce() throws Exception {
		follows.follow(viewer, author);
		String post = post(author, "fresh");
		// no waiting: the fan-out committed with the post
		assertThat(feed(viewer)).containsExactly(post);
		assertThat(feed(author)).containsExactly(post);
		assertThat(feed(UUID.randomUUID())).isEmpty();
	}

	@Test
	void aFollowBackfillsTheFolloweesRecentPostsAndAnUnfollowTakesThemOut() throws Exception {
		List<String> posts = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			posts.add(post(author, "post " + i));
		}
		String own = post(viewer, "my own");
		follows.follow(viewer, author);
		// the 5 most recent of the author's 7 (backfill 5), merged with the viewer's own, newest first
		assertThat(feed(viewer)).containsExactly(own, posts.get(6), posts.get(5), posts.get(4), posts.get(3), posts.get(2));

		follows.unfollow(viewer, author);
		assertThat(feed(viewer)).containsExactly(own);
	}

	@Test
	void aDeletedPostVanishesFromEveryTimeline() throws Exception {
		UUID other = UUID.randomUUID();
		follows.follow(viewer, author);
		follows.follow(other, author);
		String kept = post(author, "kept");
		String gone = post(author, "gone");
		assertThat(feed(other)).containsExactly(gone, kept);

		mvc.perform(delete("/api/posts/" + gone).header("Authorization", bearer(author))).andExpect(status().isNoContent());
		assertThat(feed(viewer)).containsExactly(kept);
		assertThat(feed(other)).containsExactly(kept);
		assertThat(feed(author)).containsExactly(kept);
		assertThat(jdbc.sql("select count(*) from timeline where post_id = ?").param(UUID.fromString(gone))
			.query(Long.class).single()).isZero();
	}

	@Test
	void celebrityPostsAreMergedAtReadTimeInsteadOfFannedOut() throws Exception {
		UUID celebrity = UUID.randomUUID();
		UUID fan = UUID.randomUUID();
		String before = post(celebrity, "before the fame");
		for (int i = 0; i < 3; i++) {
			follows.follow(UUID.randomUUID(), celebrity);
		}
		follows.follow(fan, celebrity); // the 4th follower: above the threshold of 3
		String mine = post(fan, "fan's own");
		String famous = post(celebrity, "famous now");

		assertThat(jdbc.sql("select count(*) from timeline where post_id = ? and viewer_id <> ?")
			.params(UUID.fromString(famous), celebrity).query(Long.class).single()).as("fanned-out rows").isZero();
		assertThat(feed(fan)).containsExactly(famous, mine, before);

		mvc.perform(delete("/api/posts/" + famous).header("Authorization", bearer(celebrity))).andExpect(status().isNoContent());
		assertThat(feed(fan)).containsExactly(mine, before);

		follows.unfollow(fan, celebrity);
		assertThat(feed(fan)).containsExactly(mine);
	}

	@Test
	void pagingIsStableWhileNewPostsArrive() throws Exception {
		follows.follow(viewer, author);
		List<String> older = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			older.add(0, post(author, "older " + i));
		}
		List<String> seen = new ArrayList<>();
		JsonNode page = page(viewer, null, 2);
		page.get("items").forEach(item -> seen.add(item.get("id").asString()));
		while (page.get("nextCursor") != null && !page.get("nextCursor").isNull()) {
			post(author, "arrives while paging"); // newer than everything already listed
			page = page(viewer, page.get("nextCursor").asString(), 2);
			page.get("items").forEach(item -> seen.add(item.get("id").asString()));
		}
		assertThat(seen).containsExactlyElementsOf(older);
	}

	@Test
	void replayingTheFollowsTopicChangesNothing() throws Exception {
		UUID celebrity = UUID.randomUUID();
		post(author, "a");
		post(celebrity, "c");
		String follow = follows.follow(viewer, author);
		String unfollow = follows.unfollow(viewer, author);
		String followAgain = follows.follow(viewer, author);
		String followCelebrity = follows.follow(viewer, celebrity);
		Map<String, Object> before = state();

		follows.sendAndWait(follow, FollowEvents.CREATED, viewer, author);
		follows.sendAndWait(unfollow, FollowEvents.DELETED, viewer, author);
		follows.sendAndWait(followAgain, FollowEvents.CREATED, viewer, author);
		follows.sendAndWait(followCelebrity, FollowEvents.CREATED, viewer, celebrity);

		assertThat(state()).isEqualTo(before);
		assertThat(feed(viewer)).hasSize(2);
	}

	@Test
	void timelinesAreTrimmedToTheirNewestEntries() throws Exception {
		UUID quiet = UUID.randomUUID();
		follows.follow(viewer, author);
		follows.follow(quiet, UUID.randomUUID());
		List<String> posts = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			posts.add(0, post(author, "post " + i));
		}
		String quietOwn = post(quiet, "only one");

		assertThat(trimmer.trim(4)).as("rows removed").isGreaterThanOrEqualTo(3);

		// the viewer's and the author's timelines keep their 4 newest; a short timeline is untouched
		assertThat(feed(viewer)).containsExactlyElementsOf(posts.subList(0, 4));
		assertThat(feed(author)).containsExactlyElementsOf(posts.subList(0, 4));
		assertThat(feed(quiet)).containsExactly(quietOwn);
		assertThat(jdbc.sql("select count(*) from timeline where viewer_id = ?").param(viewer).query(Long.class)
			.single()).isEqualTo(4);
		// trimming again finds nothing more to do for them
		trimmer.trim(4);
		assertThat(feed(viewer)).containsExactlyElementsOf(posts.subList(0, 4));
	}

	private Map<String, Object> state() {
		return Map.of("timeline", jdbc.sql("select post_id from timeline where viewer_id = ? order by post_id")
			.param(viewer).query(UUID.class).list(),
				"edges", jdbc.sql("select followee_id from follow_edge where follower_id = ? order by followee_id")
					.param(viewer).query(UUID.class).list(),
				"followers", jdbc.sql("select coalesce(sum(followers), 0) from author_stats where author_id = ?")
					.param(author).query(Long.class).single());
	}

	private String post(UUID user, String caption) throws Exception {
		String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/posts").header("Authorization", bearer(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("caption", caption))))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return json.readTree(body).get("id").asString();
	}

	private List<String> feed(UUID user) throws Exception {
		List<String> ids = new ArrayList<>();
		page(user, null, 20).get("items").forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

	private JsonNode page(UUID user, String cursor, int limit) throws Exception {
		var request = get("/api/feed").param("limit", String.valueOf(limit)).header("Authorization", bearer(user));
		if (cursor != null) {
			request.param("cursor", cursor);
		}
		return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private static String bearer(UUID user) {
		return "Bearer " + TestTokens.accessToken(user, "u" + user.toString().substring(0, 8));
	}
}
