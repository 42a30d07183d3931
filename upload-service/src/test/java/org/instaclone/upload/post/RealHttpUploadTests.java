package org.instaclone.upload.post;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.instaclone.testsupport.TestTokens;
import org.instaclone.upload.ServiceTest;
import org.instaclone.upload.media.TestImages;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads through the real servlet container, whose multipart parsing (streamed to disk, size limits)
 * MockMvc skips.
 */
@ServiceTest
class RealHttpUploadTests {

	@LocalServerPort
	int port;

	final UUID user = UUID.randomUUID();

	@Test
	void aPhotoIsStreamedThroughTomcatAndPublished() {
		ResponseEntity<String> answer = upload(TestImages.jpeg(1200, 900), "real.jpg");
		assertThat(answer.getStatusCode().value()).isEqualTo(201);
		assertThat(answer.getBody()).contains("\"kind\":\"w1080\"");
	}

	@Test
	void tomcatRefusesAFileOverTheCapWithA413Problem() {
		byte[] big = new byte[20 * 1024 * 1024 + 1];
		System.arraycopy(TestImages.jpeg(50, 50), 0, big, 0, 100);
		ResponseEntity<String> answer = upload(big, "big.jpg");
		assertThat(answer.getStatusCode().value()).isEqualTo(413);
		assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(answer.getBody()).contains("https://instaclone.dev/problems/image-too-large");
	}

	private ResponseEntity<String> upload(byte[] file, String name) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("image", new ByteArrayResource(file) {
			@Override
			public String getFilename() {
				return name;
			}
		}).contentType(MediaType.IMAGE_JPEG);
		body.part("caption", "through tomcat");
		return RestClient.create("http://localhost:" + port)
			.post()
			.uri("/api/posts")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.accessToken(user, "tc" + user.toString().substring(0, 6)))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body.build())
			.retrieve()
			.onStatus(status -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}
}
