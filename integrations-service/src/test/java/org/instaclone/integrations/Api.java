package org.instaclone.integrations;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.testsupport.TestTokens;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Test helper: calls the API as a given user. */
public final class Api {

	private final MockMvc mvc;

	private final JsonMapper json;

	public Api(MockMvc mvc, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	public static MockHttpServletRequestBuilder as(UUID user, MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + TestTokens.accessToken(user, "dev"));
	}

	public String registerApp(UUID owner) throws Exception {
		return postJson(owner, "/api/integrations/apps",
				Map.of("name", "Cross-poster", "description", "Posts your follows to a blog")).get("id").asString();
	}

	public JsonNode createEndpoint(UUID owner, String appId, List<String> eventTypes) throws Exception {
		return createEndpoint(owner, appId, eventTypes, "https://hooks.example.com/instaclone");
	}

	public JsonNode createEndpoint(UUID owner, String appId, List<String> eventTypes, String url) throws Exception {
		return postJson(owner, "/api/integrations/apps/" + appId + "/endpoints",
				Map.of("url", url, "eventTypes", eventTypes));
	}

	public JsonNode getJson(UUID user, String path) throws Exception {
		return json.readTree(mvc.perform(as(user, get(path)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private JsonNode postJson(UUID user, String path, Object body) throws Exception {
		String response = mvc.perform(as(user, post(path)).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(response);
	}
}
