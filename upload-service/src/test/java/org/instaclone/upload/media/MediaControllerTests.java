package org.instaclone.upload.media;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.testsupport.TestTokens;
import org.instaclone.upload.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/media/{key}}: public, typed, cacheable forever, conditional and ranged. */
@ServiceTest
class MediaControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void servesAVariantWithoutATokenAsAnImmutableJpeg() throws Exception {
		String url = uploadAndGetUrl();
		String key = url.substring("/api/media/".length());

		MvcResult full = mvc.perform(get(url))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("ETag", "\"" + key.substring(0, 64) + "\""))
			.andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"))
			.andExpect(header().string("Accept-Ranges", "bytes"))
			.andReturn();
		byte[] bytes = full.getResponse().getContentAsByteArray();
		assertThat(MediaKeys.of(bytes)).isEqualTo(key);

		mvc.perform(get(url).header("If-None-Match", "\"" + key.substring(0, 64) + "\""))
			.andExpect(status().isNotModified());

		MvcResult range = mvc.perform(get(url).header("Range", "bytes=0-99"))
			.andExpect(status().isPartialContent())
			.andExpect(header().string("Content-Range", "bytes 0-99/" + bytes.length))
			.andReturn();
		assertThat(range.getResponse().getContentAsByteArray()).hasSize(100).isEqualTo(java.util.Arrays.copyOf(bytes, 100));

		mvc.perform(get(url).header("Range", "bytes=" + (bytes.length + 10) + "-"))
			.andExpect(status().isRequestedRangeNotSatisfiable());
	}

	@Test
	void unknownAndMalformedKeysAre404Problems() throws Exception {
		mvc.perform(get("/api/media/" + "0".repeat(64) + ".jpg"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/media-not-found"));
		mvc.perform(get("/api/media/..%2F..%2Fetc%2Fpasswd")).andExpect(status().is4xxClientError());
		mvc.perform(get("/api/media/not-a-key.jpg"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/media-not-found"));
	}

	private String uploadAndGetUrl() throws Exception {
		UUID user = UUID.randomUUID();
		String body = mvc.perform(multipart("/api/posts")
			.file(new MockMultipartFile("image", "a.jpg", "image/jpeg", TestImages.jpeg(900, 600)))
			.header("Authorization", "Bearer " + TestTokens.accessToken(user, "media" + user.toString().substring(0, 6))))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return json.readTree(body).get("images").get(0).get("url").asString();
	}
}
