package org.instaclone.integrations.app;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.integrations.Api;
import org.instaclone.integrations.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.instaclone.integrations.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ServiceTest
class AppControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	final UUID owner = UUID.randomUUID();

	final UUID stranger = UUID.randomUUID();

	@Test
	void registersAnApp() throws Exception {
		mvc.perform(as(owner, post("/api/integrations/apps")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Blogger\",\"description\":\"Cross-posts\",\"homepageUrl\":\"https://blog.example\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.name").value("Blogger"))
			.andExpect(jsonPath("$.homepageUrl").value("https://blog.example"));
	}

	@Test
	void rejectsInvalidFieldsNamingEach() throws Exception {
		mvc.perform(as(owner, post("/api/integrations/apps")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("name", " ", "description", "d".repeat(501), "homepageUrl",
					"javascript:alert(1)"))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/validation"))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("description", "homepageUrl", "name")));
		mvc.perform(as(owner, get("/api/integrations/apps"))).andExpect(jsonPath("$.items", hasSize(0)));
	}

	@Test
	void needsAnAccessToken() throws Exception {
		mvc.perform(get("/api/integrations/apps"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/unauthorized"));
	}

	@Test
	void someoneElsesAppIsNotFoundAnywhere() throws Exception {
		String app = new Api(mvc, json).registerApp(owner);
		for (String path : new String[] { "", "/endpoints", "/deliveries" }) {
			mvc.perform(as(stranger, get("/api/integrations/apps/" + app + path)))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/app-not-found"));
		}
		mvc.perform(as(stranger, delete("/api/integrations/apps/" + app))).andExpect(status().isNotFound());
		mvc.perform(as(stranger, post("/api/integrations/apps/" + app + "/endpoints"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"url\":\"https://evil.example/x\",\"eventTypes\":[\"instaclone.follow.created.v1\"]}"))
			.andExpect(status().isNotFound());
		mvc.perform(as(owner, get("/api/integrations/apps/" + app))).andExpect(status().isOk());
	}

	@Test
	void listsOwnAppsPageByPageAndDeletesThem() throws Exception {
		Api api = new Api(mvc, json);
		String first = api.registerApp(owner);
		String second = api.registerApp(owner);
		api.registerApp(stranger);
		String page1 = mvc.perform(as(owner, get("/api/integrations/apps").param("limit", "1")))
			.andExpect(jsonPath("$.items[*].id").value(contains(second)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		mvc.perform(as(owner, get("/api/integrations/apps").param("limit", "1")
			.param("cursor", json.readTree(page1).get("nextCursor").asString())))
			.andExpect(jsonPath("$.items[*].id").value(contains(first)))
			.andExpect(jsonPath("$.nextCursor").doesNotExist());
		mvc.perform(as(owner, get("/api/integrations/apps").param("limit", "101"))).andExpect(status().isBadRequest());

		api.createEndpoint(owner, first, java.util.List.of("instaclone.user.updated.v1"));
		mvc.perform(as(owner, delete("/api/integrations/apps/" + first))).andExpect(status().isNoContent());
		mvc.perform(as(owner, get("/api/integrations/apps/" + first))).andExpect(status().isNotFound());
	}
}
