package org.instaclone.upload.post;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.testsupport.TestTokens;
import org.instaclone.upload.ServiceTest;
import org.instaclone.upload.media.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Photo posts through HTTP: the happy path, every bad upload of issue 3, deletion and media clean-up. */
@ServiceTest
class PhotoPostTests {

	static final Path MEDIA = Path.of("target/test-media");

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	final UUID alice = UUID.randomUUID();

	final UUID bob = UUID.randomUUID();

	@Test
	void publishesAPhotoAsVariantsWithMediaUrlsHashtagsAndAnEvent() throws Exception {
		JsonNode post = json.readTree(upload(alice, image("beach.jpg", TestImages.jpeg(1600, 1200)), "Sunset #Beach #beach #sea")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.caption").value("Sunset #Beach #beach #sea"))
			.andExpect(jsonPath("$.hashtags[0]").value("beach"))
			.andExpect(jsonPath("$.hashtags[1]").value("sea"))
			.andExpect(jsonPath("$.images", hasSize(4)))
			.andExpect(jsonPath("$.images[0].kind").value("w1080"))
			.andExpect(jsonPath("$.images[0].width").value(1080))
			.andExpect(jsonPath("$.images[0].height").value(810))
			.andExpect(jsonPath("$.images[0].url", startsWith("/api/media/")))
			.andExpect(jsonPath("$.images[3].kind").value("thumb150"))
			.andReturn().getResponse().getContentAsString());
		String id = post.get("id").asString();
		for (JsonNode image : post.get("images")) {
			String key = image.get("url").asString().substring("/api/media/".length());
			assertThat(MEDIA.resolve(key)).exists();
		}
		mvc.perform(get("/api/posts/" + id).header("Authorization", bearer(bob)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.images", hasSize(4)));
		String event = jdbc.sql("select payload from outbox_event where topic = 'posts' and payload like ?")
			.param("%" + id + "%").query(String.class).single();
		assertThat(json.readTree(event).get("data").get("imageUrl").asString()).startsWith("/api/media/");

		mvc.perform(get("/api/posts").param("hashtag", "#BEACH").header("Authorization", bearer(bob)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(id));
	}

	@Test
	void aFeedItemIsThePostExactlyAsItsOwnPageShowsIt() throws Exception {
		// the feed reads posts with its own SQL (PostLookup); it must not drift from GET /api/posts/{id}
		UUID carol = UUID.randomUUID();
		String small = upload(carol, image("small.png", TestImages.png(200, 100)), "tiny #Zeta #alpha")
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String big = upload(carol, image("big.jpg", TestImages.jpeg(1600, 1200)), "big").andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String text = textPost(carol, "words only #alpha");
		JsonNode feed = json.readTree(mvc.perform(get("/api/feed").header("Authorization", bearer(carol)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).get("items");
		assertThat(feed).hasSize(3);
		String[] ids = { text, json.readTree(big).get("id").asString(), json.readTree(small).get("id").asString() };
		for (int i = 0; i < ids.length; i++) {
			JsonNode own = json.readTree(mvc.perform(get("/api/posts/" + ids[i]).header("Authorization", bearer(carol)))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString());
			assertThat(feed.get(i)).isEqualTo(own);
		}
		// an image narrower than every width: all variants 200 px wide, ordered by width then kind
		assertThat(feed.get(2).get("images").findValuesAsString("kind")).containsExactly("w1080", "w320", "w640", "thumb150");
		assertThat(feed.get(2).get("hashtags").toString()).isEqualTo("[\"alpha\",\"zeta\"]");
		assertThat(feed.get(0).get("images")).isEmpty();
	}

	@Test
	void theCaptionIsOptionalForAPhoto() throws Exception {
		upload(alice, image("a.png", TestImages.png(300, 300)), null).andExpect(status().isCreated())
			.andExpect(jsonPath("$.caption").value(""));
	}

	@Test
	void pagesAHashtagNewestFirst() throws Exception {
		String tag = "tag" + UUID.randomUUID().toString().substring(0, 8);
		String first = textPost(alice, "one #" + tag);
		String second = textPost(bob, "two #" + tag.toUpperCase());
		textPost(bob, "not tagged " + tag);
		String page1 = mvc.perform(get("/api/posts").param("hashtag", tag).param("limit", "1").header("Authorization", bearer(alice)))
			.andExpect(jsonPath("$.items[0].id").value(second))
			.andReturn().getResponse().getContentAsString();
		mvc.perform(get("/api/posts").param("hashtag", tag).param("limit", "1")
			.param("cursor", json.readTree(page1).get("nextCursor").asString()).header("Authorization", bearer(alice)))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].id").value(first))
			.andExpect(jsonPath("$.nextCursor").doesNotExist());
		mvc.perform(get("/api/posts").param("hashtag", "no spaces").header("Authorization", bearer(alice)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("hashtag"));
		mvc.perform(get("/api/posts").param("hashtag", tag).param("author", alice.toString()).header("Authorization", bearer(alice)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/invalid-post-query"));
	}

	@Test
	void deletingAPostRemovesItsFilesOnlyWhenNoOtherPostShowsThem() throws Exception {
		byte[] same = TestImages.jpeg(700, 500);
		String first = id(upload(alice, image("a.jpg", same), "first").andExpect(status().isCreated()));
		String second = id(upload(bob, image("b.jpg", same), "same picture").andExpect(status().isCreated()));
		String key = jdbc.sql("select media_key from post_image where post_id = ? and kind = 'w1080'")
			.param(UUID.fromString(first)).query(String.class).single();

		mvc.perform(delete("/api/posts/" + first).header("Authorization", bearer(bob)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/not-post-author"));
		mvc.perform(delete("/api/posts/" + first).header("Authorization", bearer(alice))).andExpect(status().isNoContent());
		assertThat(MEDIA.resolve(key)).exists(); // bob's post still shows it
		mvc.perform(get("/api/media/" + key)).andExpect(status().isOk());

		mvc.perform(delete("/api/posts/" + second).header("Authorization", bearer(bob))).andExpect(status().isNoContent());
		assertThat(MEDIA.resolve(key)).doesNotExist();
		mvc.perform(get("/api/media/" + key)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/media-not-found"));
	}

	// --- every bad upload of issue 3: a 4xx problem, nothing stored, never a 5xx

	@Test
	void wrongMagicForTheExtensionIs415() throws Exception {
		rejected(image("photo.jpg", TestImages.png(50, 50)), 415, "unsupported-image-type");
	}

	@Test
	void aDoubleExtensionEndingInPhpIs415() throws Exception {
		rejected(image("shell.jpg.php", TestImages.jpeg(50, 50)), 415, "unsupported-image-type");
	}

	@Test
	void pathTraversalAndNulInTheFileNameAre400() throws Exception {
		rejected(image("../../../etc/passwd.jpg", TestImages.jpeg(50, 50)), 400, "invalid-file-name");
		rejected(image("photo\u0000.jpg", TestImages.jpeg(50, 50)), 400, "invalid-file-name");
	}

	@Test
	void anEmptyFileIs400() throws Exception {
		rejected(image("empty.jpg", new byte[0]), 400, "empty-image");
	}

	@Test
	void aTruncatedJpegIs422() throws Exception {
		rejected(image("cut.jpg", TestImages.truncated(TestImages.jpeg(800, 600))), 422, "unreadable-image");
	}

	@Test
	void oneByteOverTwentyMegabytesIs413() throws Exception {
		byte[] big = new byte[20 * 1024 * 1024 + 1];
		System.arraycopy(TestImages.jpeg(50, 50), 0, big, 0, 100);
		rejected(image("big.jpg", big), 413, "image-too-large");
	}

	@Test
	void aPixelFloodPngIs422BeforeAnyDecoding() throws Exception {
		rejected(image("flood.png", TestImages.pixelFloodPng()), 422, "image-too-many-pixels");
	}

	@Test
	void anSvgIs415() throws Exception {
		rejected(image("logo.svg", TestImages.svg()), 415, "unsupported-image-type");
	}

	@Test
	void htmlAndJavaScriptPolyglotsAreRefused() throws Exception {
		rejected(image("cat.gif", TestImages.gifJavaScriptPolyglot()), 415, "unsupported-image-type");
		rejected(image("page.jpg", TestImages.jpegHtmlPolyglot()), 422, "unreadable-image");
	}

	@Test
	void aZipIs415() throws Exception {
		rejected(image("photos.zip", TestImages.zip()), 415, "unsupported-image-type");
	}

	@Test
	void aMissingImagePartIs400() throws Exception {
		assertRejected(mvc.perform(multipart("/api/posts").param("caption", "no image").header("Authorization", bearer(alice))),
				400, "missing-part");
	}

	@Test
	void aCaptionOverTheLimitIs400NamingTheField() throws Exception {
		assertRejected(upload(alice, image("a.jpg", TestImages.jpeg(50, 50)), "x".repeat(2201)), 400, "validation")
			.andExpect(jsonPath("$.errors[0].field").value("caption"));
	}

	@Test
	void someoneElsesPostCannotBeDeleted() throws Exception {
		String id = id(upload(alice, image("a.jpg", TestImages.jpeg(60, 60)), "mine").andExpect(status().isCreated()));
		mvc.perform(delete("/api/posts/" + id).header("Authorization", bearer(bob)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/posts/" + id).header("Authorization", bearer(bob))).andExpect(status().isOk());
	}

	@Test
	void uploadingNeedsAToken() throws Exception {
		mvc.perform(multipart("/api/posts").file(image("a.jpg", TestImages.jpeg(50, 50))))
			.andExpect(status().isUnauthorized());
	}

	private void rejected(MockMultipartFile file, int status, String slug) throws Exception {
		long filesBefore = mediaFiles();
		assertRejected(upload(alice, file, "caption"), status, slug);
		assertThat(mediaFiles()).as("media files").isEqualTo(filesBefore);
	}

	private ResultActions assertRejected(ResultActions result, int status, String slug) throws Exception {
		result.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/" + slug))
			.andExpect(jsonPath("$.detail").isNotEmpty());
		assertThat(jdbc.sql("select count(*) from post where author_id = ?").param(alice).query(Long.class).single())
			.as("posts stored").isZero();
		assertThat(jdbc.sql("select count(*) from outbox_event where payload like ?").param("%" + alice + "%")
			.query(Long.class).single()).as("events").isZero();
		return result;
	}

	private ResultActions upload(UUID user, MockMultipartFile image, String caption) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/posts").file(image);
		if (caption != null) {
			request.param("caption", caption);
		}
		return mvc.perform(request.header("Authorization", bearer(user)));
	}

	private String textPost(UUID user, String caption) throws Exception {
		return id(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/posts")
			.header("Authorization", bearer(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(java.util.Map.of("caption", caption)))).andExpect(status().isCreated()));
	}

	private String id(ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString()).get("id").asString();
	}

	static MockMultipartFile image(String name, byte[] bytes) {
		return new MockMultipartFile("image", name, "image/jpeg", bytes);
	}

	static long mediaFiles() throws IOException {
		if (!Files.exists(MEDIA)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(MEDIA)) {
			return files.count();
		}
	}

	private static String bearer(UUID user) {
		return "Bearer " + TestTokens.accessToken(user, "u" + user.toString().substring(0, 8));
	}
}
