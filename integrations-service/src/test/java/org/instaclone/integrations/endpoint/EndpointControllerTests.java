package org.instaclone.integrations.endpoint;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.integrations.Api;
import org.instaclone.integrations.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.instaclone.integrations.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ServiceTest
class EndpointControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	final UUID owner = UUID.randomUUID();

	@Test
	void showsTheSigningSecretOnceAndNeverAgain() throws Exception {
		Api api = new Api(mvc, json);
		String app = api.registerApp(owner);
		JsonNode created = api.createEndpoint(owner, app, List.of("instaclone.follow.created.v1"));
		String secret = created.get("secret").asString();
		assertThat(secret).startsWith("whsec_").hasSize("whsec_".length() + 44);

		String listed = mvc.perform(as(owner, get("/api/integrations/apps/" + app + "/endpoints")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].id").value(created.get("id").asString()))
			.andExpect(jsonPath("$.items[0].eventTypes[0]").value("instaclone.follow.created.v1"))
			.andExpect(jsonPath("$.items[0].secret").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(listed).doesNotContain(secret.substring("whsec_".length()));
		assertThat(jdbc.sql("select secret from webhook_endpoint where id = ?::uuid")
			.param(created.get("id").asString())
			.query(String.class)
			.single()).startsWith("enc:v1:").doesNotContain(secret.substring("whsec_".length()));
	}

	@Test
	void rotatesAndEnablesOnlyOwnEndpoints() throws Exception {
		Api api = new Api(mvc, json);
		String app = api.registerApp(owner);
		String endpoint = api.createEndpoint(owner, app, List.of("instaclone.follow.created.v1")).get("id").asString();
		String path = "/api/integrations/apps/" + app + "/endpoints/" + endpoint;
		mvc.perform(as(UUID.randomUUID(), post(path + "/secret/rotate")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/app-not-found"));
		mvc.perform(as(owner, post("/api/integrations/apps/" + app + "/endpoints/" + UUID.randomUUID() + "/enable")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/endpoint-not-found"));
		mvc.perform(as(owner, post(path + "/secret/rotate")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.secret").isString())
			.andExpect(jsonPath("$.previousSecretExpiresAt").isString());
		mvc.perform(as(owner, get(path))).andExpect(jsonPath("$.status").value("enabled"))
			.andExpect(jsonPath("$.secret").doesNotExist());
	}

	@Test
	void refusesLoopbackAndPrivateTargetsWithTheReason() throws Exception {
		String app = new Api(mvc, json).registerApp(owner);
		for (String url : List.of("http://localhost:8080/hook", "http://169.254.169.254/latest", "http://[::1]/",
				"gopher://example.com/")) {
			mvc.perform(as(owner, post("/api/integrations/apps/" + app + "/endpoints"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("url", url, "eventTypes", List.of("instaclone.user.updated.v1")))))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/validation"))
				.andExpect(jsonPath("$.errors[0].field").value("url"));
		}
		mvc.perform(as(owner, get("/api/integrations/apps/" + app + "/endpoints")))
			.andExpect(jsonPath("$.items", hasSize(0)));
	}

	@Test
	void refusesEventTypesNobodyCanSubscribeTo() throws Exception {
		String app = new Api(mvc, json).registerApp(owner);
		mvc.perform(as(owner, post("/api/integrations/apps/" + app + "/endpoints"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"https://hooks.example.com/x\",\"eventTypes\":[\"instaclone.ad.campaign-created.v1\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/unsupported-event-type"));
		mvc.perform(as(owner, post("/api/integrations/apps/" + app + "/endpoints"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"https://hooks.example.com/x\",\"eventTypes\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("eventTypes"));
	}
}
