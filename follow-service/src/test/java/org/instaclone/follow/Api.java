package org.instaclone.follow;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** A tiny HTTP client for end-to-end tests: real requests, every status returned, JSON parsed. */
public final class Api {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final RestClient http;

	public Api(int port) {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

	public Response call(HttpMethod method, String path, @Nullable String token, @Nullable Object body) {
		var spec = http.method(method).uri(path);
		if (token != null) {
			spec = spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		if (body != null) {
			spec = spec.contentType(MediaType.APPLICATION_JSON).body(body instanceof String s ? s : json.writeValueAsString(body));
		}
		var entity = spec.retrieve().toEntity(String.class);
		String raw = entity.getBody() == null ? "" : entity.getBody();
		return new Response(entity.getStatusCode().value(), entity.getHeaders(),
				raw.isEmpty() || !String.valueOf(entity.getHeaders().getContentType()).contains("json") ? json.nullNode()
						: json.readTree(raw),
				raw);
	}

	public Response get(String path, @Nullable String token) {
		return call(HttpMethod.GET, path, token, null);
	}

	public Response post(String path, @Nullable String token, @Nullable Object body) {
		return call(HttpMethod.POST, path, token, body);
	}

	/** Signs up a fresh user with a unique handle; returns its tokens and ids. */
	public SignedUp signUp(String prefix) {
		String handle = prefix + UUID.randomUUID().toString().substring(0, 8);
		Response r = post("/api/accounts", null, java.util.Map.of("handle", handle, "email", handle + "@example.com",
				"password", "correct horse battery"));
		if (r.status() != 201) {
			throw new IllegalStateException("sign-up failed: " + r.raw());
		}
		return new SignedUp(handle, UUID.fromString(r.body().get("account").get("id").asString()),
				r.body().get("accessToken").asString(), r.body().get("refreshToken").asString());
	}

	public record Response(int status, HttpHeaders headers, JsonNode body, String raw) {

		public String contentType() {
			return String.valueOf(headers.getContentType());
		}
	}

	public record SignedUp(String handle, UUID id, String accessToken, String refreshToken) {
	}
}
