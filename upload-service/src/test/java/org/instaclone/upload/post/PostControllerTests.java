package org.instaclone.upload.post;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.testsupport.TestTokens;
import org.instaclone.upload.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ServiceTest
class PostControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	final UUID alice = UUID.randomUUID();

	final UUID bob = UUID.randomUUID();

	@Test
	void publishesAPostAsTheSignedInUserAndRecordsTheEvent() throws Exception {
		String body = mvc.perform(post("/api/posts").header("Authorization", bearer(alice, "alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"caption\":\"first light\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.authorId").value(alice.toString()))
			.andExpect(jsonPath("$.authorHandle").value("alice"))
			.andExpect(jsonPath("$.caption").value("first light"))
			.andExpect(jsonPath("$.createdAt").isNotEmpty())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = json.readTree(body).get("id").asString();

		String event = jdbc.sql("select payload from outbox_event where topic = 'posts' and payload like ?")
			.param("%" + id + "%")
			.query(String.class)
			.single();
		JsonNode envelope = json.readTree(event);
		assertThat(envelope.get("type").asString()).isEqualTo("instaclone.post.created.v1");
		assertThat(envelope.get("subject").asString()).isEqualTo(id);
		assertThat(envelope.get("data").get("authorHandle").asString()).isEqualTo("alice");
		assertThat(envelope.get("data").get("caption").asString()).isEqualTo("first light");
	}

	@Test
	void rejectsACaptionOverTheLimitWithTheFieldNamed() throws Exception {
		mvc.perform(post("/api/posts").header("Authorization", bearer(alice, "alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"caption\":\"" + "x".repeat(2201) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/validation"))
			.andExpect(jsonPath("$.errors[0].field").value("caption"));
		assertThat(postsBy(alice)).isZero();
	}

	@Test
	void clientsCannotChooseTheAuthor() throws Exception {
		mvc.perform(post("/api/posts").header("Authorization", bearer(alice, "alice"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"caption\":\"hi\",\"authorId\":\"" + bob + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/malformed-request"));
		assertThat(postsBy(bob)).isZero();
	}

	@Test
	void needsAnAccessToken() throws Exception {
		mvc.perform(post("/api/posts").contentType(MediaType.APPLICATION_JSON).content("{\"caption\":\"hi\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/unauthorized"));
		mvc.perform(get("/api/feed")).andExpect(status().isUnauthorized());
	}

	@Test
	void anyoneSignedInReadsAPostAndAMissingOneIsA404Problem() throws Exception {
		String id = publish(alice, "alice", "hello");
		mvc.perform(get("/api/posts/" + id).header("Authorization", bearer(bob, "bob")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.caption").value("hello"));
		mvc.perform(get("/api/posts/" + UUID.randomUUID()).header("Authorization", bearer(bob, "bob")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/post-not-found"));
		mvc.perform(get("/api/posts/not-a-uuid").header("Authorization", bearer(bob, "bob")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void onlyTheAuthorDeletesAPost() throws Exception {
		String id = publish(alice, "alice", "mine");
		mvc.perform(delete("/api/posts/" + id).header("Authorization", bearer(bob, "bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/not-post-author"));
		mvc.perform(get("/api/posts/" + id).header("Authorization", bearer(alice, "alice"))).andExpect(status().isOk());

		mvc.perform(delete("/api/posts/" + id).header("Authorization", bearer(alice, "alice")))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/posts/" + id).header("Authorization", bearer(alice, "alice")))
			.andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from outbox_event where payload like ? and payload like ?")
			.params("%instaclone.post.deleted.v1%", "%" + id + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void listsAnAuthorsPostsNewestFirstPageByPage() throws Exception {
		String first = publish(alice, "alice", "one");
		String second = publish(alice, "alice", "two");
		String third = publish(alice, "alice", "three");
		publish(bob, "bob", "not alice's");

		String page1 = mvc.perform(get("/api/posts").param("author", alice.toString())
			.param("limit", "2")
			.header("Authorization", bearer(bob, "bob")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(2)))
			.andExpect(jsonPath("$.items[0].id").value(third))
			.andExpect(jsonPath("$.items[1].id").value(second))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String cursor = json.readTree(page1).get("nextCursor").asString();

		mvc.perform(get("/api/posts").param("author", alice.toString())
			.param("limit", "2")
			.param("cursor", cursor)
			.header("Authorization", bearer(bob, "bob")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].id").value(first))
			.andExpect(jsonPath("$.nextCursor").doesNotExist());

		// without author: the viewer's own
		mvc.perform(get("/api/posts").header("Authorization", bearer(alice, "alice")))
			.andExpect(jsonPath("$.items", hasSize(3)));
	}

	@Test
	void rejectsPageSizesAndCursorsOutOfBounds() throws Exception {
		mvc.perform(get("/api/posts").param("limit", "101").header("Authorization", bearer(alice, "alice")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/validation"))
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		mvc.perform(get("/api/posts").param("limit", "0").header("Authorization", bearer(alice, "alice")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/feed").param("cursor", "garbage").header("Authorization", bearer(alice, "alice")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/invalid-cursor"));
	}

	private String publish(UUID user, String handle, String caption) throws Exception {
		String body = mvc.perform(post("/api/posts").header("Authorization", bearer(user, handle))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(java.util.Map.of("caption", caption))))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(body).get("id").asString();
	}

	private long postsBy(UUID user) {
		return jdbc.sql("select count(*) from post where author_id = ?").param(user).query(Long.class).single();
	}

	static String bearer(UUID user, String handle) {
		return "Bearer " + TestTokens.accessToken(user, handle);
	}
}
