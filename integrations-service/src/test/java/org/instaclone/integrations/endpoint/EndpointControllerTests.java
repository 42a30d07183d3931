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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
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

	@Test
	void theOwnerChangesUrlEventTypesAndDescriptionWithTheSameChecksAsAtCreation() throws Exception {
		Api api = new Api(mvc, json);
		String app = api.registerApp(owner);
		String endpoint = api.createEndpoint(owner, app, List.of("instaclone.follow.created.v1")).get("id").asString();
		String path = "/api/integrations/apps/" + app + "/endpoints/" + endpoint;
		mvc.perform(as(owner, get(path))).andExpect(jsonPath("$.description").value(""));

		mvc.perform(as(owner, patch(path)).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("url", "https://crm.example.org/hooks/ig", "eventTypes",
					List.of("instaclone.user.updated.v1", "instaclone.follow.deleted.v1"), "description", "CRM sync"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.url").value("https://crm.example.org/hooks/ig"))
			.andExpect(jsonPath("$.eventTypes", hasSize(2)))
			.andExpect(jsonPath("$.description").value("CRM sync"))
			.andExpect(jsonPath("$.secret").doesNotExist());
		// only the fields present change
		mvc.perform(as(owner, patch(path)).contentType(MediaType.APPLICATION_JSON).content("{\"description\":\"v2\"}"))
			.andExpect(status().isOk());
		mvc.perform(as(owner, get(path)))
			.andExpect(jsonPath("$.url").value("https://crm.example.org/hooks/ig"))
			.andExpect(jsonPath("$.eventTypes", hasSize(2)))
			.andExpect(jsonPath("$.description").value("v2"));
		assertThat(jdbc.sql("select event_type from webhook_endpoint_event_type where endpoint_id = ?::uuid")
			.param(endpoint)
			.query(String.class)
			.list()).containsExactlyInAnyOrder("instaclone.user.updated.v1", "instaclone.follow.deleted.v1");

		for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://localhost/", "http://0x7f000001/",
				"http://user@10.0.0.1/", "ftp://example.com/", "")) {
			mvc.perform(as(owner, patch(path)).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("url", url))))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/validation"))
				.andExpect(jsonPath("$.errors[0].field").value("url"));
		}
		mvc.perform(as(owner, patch(path)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"eventTypes\":[\"instaclone.ad.campaign-created.v1\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/unsupported-event-type"));
		mvc.perform(as(owner, patch(path)).contentType(MediaType.APPLICATION_JSON).content("{\"eventTypes\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("eventTypes"));
		mvc.perform(as(owner, patch(path)).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("description", "x".repeat(501)))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("description"));
		mvc.perform(as(owner, get(path))).andExpect(jsonPath("$.url").value("https://crm.example.org/hooks/ig"));

		mvc.perform(as(UUID.randomUUID(), patch(path)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"description\":\"mine now\"}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/app-not-found"));
		mvc.perform(as(owner, patch("/api/integrations/apps/" + app + "/endpoints/" + UUID.randomUUID()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"description\":\"x\"}")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/endpoint-not-found"));
		mvc.perform(as(owner, get(path))).andExpect(jsonPath("$.description").value("v2"));
	}

	@Test
	void onlyTheOwnerDeletesAnEndpointAndItsDeliveriesGoWithIt() throws Exception {
		Api api = new Api(mvc, json);
		String app = api.registerApp(owner);
		String endpoint = api.createEndpoint(owner, app, List.of("instaclone.follow.created.v1")).get("id").asString();
		String path = "/api/integrations/apps/" + app + "/endpoints/" + endpoint;
		jdbc.sql("""
				insert into delivery (id, endpoint_id, app_id, event_id, event_type, payload, status, created_at,
				                      next_attempt_at)
				values (gen_random_uuid(), ?::uuid, ?::uuid, 'e1', 'instaclone.follow.created.v1', '{}', 'FAILED', now(), null)""")
			.params(endpoint, app)
			.update();

		mvc.perform(as(UUID.randomUUID(), delete(path))).andExpect(status().isNotFound());
		String otherApp = api.registerApp(owner);
		mvc.perform(as(owner, delete("/api/integrations/apps/" + otherApp + "/endpoints/" + endpoint)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/endpoint-not-found"));
		mvc.perform(as(owner, get(path))).andExpect(status().isOk());

		mvc.perform(as(owner, delete(path))).andExpect(status().isNoContent());
		mvc.perform(as(owner, get(path))).andExpect(status().isNotFound());
		mvc.perform(as(owner, delete(path))).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from delivery where endpoint_id = ?::uuid").param(endpoint)
			.query(Long.class).single()).isZero();
	}
}
