package org.instaclone.ads.campaign;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.ads.ServiceTest;
import org.instaclone.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ServiceTest
class CampaignControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	final UUID ann = UUID.randomUUID();

	final UUID ben = UUID.randomUUID();

	@Test
	void createsADraftCampaignWithNothingSpentAndRecordsTheEvent() throws Exception {
		String id = create(ann, valid());
		mvc.perform(as(ann, get("/api/ads/campaigns/" + id)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("draft"))
			.andExpect(jsonPath("$.spentCents").value(0))
			.andExpect(jsonPath("$.dailyBudgetCents").value(5000))
			.andExpect(jsonPath("$.callToActionUrl").value("https://shop.example/spring"));
		assertThat(events(id)).containsExactly("instaclone.ad.campaign-created.v1");
	}

	@Test
	void rejectsScriptLinksAndOutOfRangeMoneyFieldByField() throws Exception {
		Map<String, Object> body = valid();
		body.put("callToActionUrl", "javascript:alert(document.cookie)");
		body.put("dailyBudgetCents", 10_000_001);
		body.put("bidCpmCents", 0);
		body.put("name", "");
		mvc.perform(as(ann, post("/api/ads/campaigns")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/validation"))
			.andExpect(jsonPath("$.errors[*].field").value(
					containsInAnyOrder("bidCpmCents", "callToActionUrl", "dailyBudgetCents", "name")));
		assertThat(campaignsOf(ann)).isZero();
	}

	@Test
	void clientsCannotSetStatusOrSpend() throws Exception {
		for (String field : new String[] { "status", "spentCents" }) {
			Map<String, Object> body = valid();
			body.put(field, field.equals("status") ? "active" : 0);
			mvc.perform(as(ann, post("/api/ads/campaigns")).contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(body)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/malformed-request"));
		}
		assertThat(campaignsOf(ann)).isZero();
	}

	@Test
	void someoneElsesCampaignDoesNotExistForYou() throws Exception {
		String id = create(ann, valid());
		mvc.perform(as(ben, get("/api/ads/campaigns/" + id)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/campaign-not-found"));
		mvc.perform(as(ben, patch("/api/ads/campaigns/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"hijacked\"}")).andExpect(status().isNotFound());
		mvc.perform(as(ben, post("/api/ads/campaigns/" + id + "/activate"))).andExpect(status().isNotFound());
		mvc.perform(as(ben, get("/api/ads/campaigns"))).andExpect(jsonPath("$.items", hasSize(0)));
		mvc.perform(as(ann, get("/api/ads/campaigns/" + id)))
			.andExpect(jsonPath("$.name").value("Spring sale"))
			.andExpect(jsonPath("$.status").value("draft"));
	}

	@Test
	void needsAnAccessToken() throws Exception {
		mvc.perform(get("/api/ads/campaigns"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/unauthorized"));
	}

	@Test
	void theOwnerEditsOnlyTheFieldsSent() throws Exception {
		String id = create(ann, valid());
		mvc.perform(as(ann, patch("/api/ads/campaigns/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"headline\":\"Now 30% off\",\"bidCpmCents\":250}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.headline").value("Now 30% off"))
			.andExpect(jsonPath("$.bidCpmCents").value(250))
			.andExpect(jsonPath("$.name").value("Spring sale"));
		mvc.perform(as(ann, patch("/api/ads/campaigns/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"callToActionUrl\":\"data:text/html,hi\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("callToActionUrl"));
		assertThat(events(id)).containsExactly("instaclone.ad.campaign-created.v1", "instaclone.ad.campaign-updated.v1");
	}

	@Test
	void activatesAndPausesButADraftCannotBePaused() throws Exception {
		String id = create(ann, valid());
		mvc.perform(as(ann, post("/api/ads/campaigns/" + id + "/pause")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/campaign-state"));
		mvc.perform(as(ann, post("/api/ads/campaigns/" + id + "/activate")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("active"));
		mvc.perform(as(ann, post("/api/ads/campaigns/" + id + "/activate"))).andExpect(status().isOk());
		mvc.perform(as(ann, post("/api/ads/campaigns/" + id + "/pause")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("paused"));
		assertThat(events(id)).containsExactly("instaclone.ad.campaign-created.v1",
				"instaclone.ad.campaign-activated.v1", "instaclone.ad.campaign-paused.v1");
	}

	@Test
	void listsOwnCampaignsNewestFirstPageByPage() throws Exception {
		String first = create(ann, valid());
		String second = create(ann, valid());
		String third = create(ann, valid());
		create(ben, valid());
		String page1 = mvc.perform(as(ann, get("/api/ads/campaigns").param("limit", "2")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(third, second)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		mvc.perform(as(ann, get("/api/ads/campaigns").param("limit", "2")
			.param("cursor", json.readTree(page1).get("nextCursor").asString())))
			.andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(first)))
			.andExpect(jsonPath("$.nextCursor").doesNotExist());
		mvc.perform(as(ann, get("/api/ads/campaigns").param("limit", "500")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		mvc.perform(as(ann, get("/api/ads/campaigns").param("cursor", "nope")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/invalid-cursor"));
	}

	private String create(UUID advertiser, Map<String, Object> body) throws Exception {
		String response = mvc.perform(as(advertiser, post("/api/ads/campaigns")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(response).get("id").asString();
	}

	private static Map<String, Object> valid() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Spring sale");
		body.put("headline", "20% off everything");
		body.put("callToActionUrl", "https://shop.example/spring");
		body.put("dailyBudgetCents", 5000);
		body.put("bidCpmCents", 120);
		return body;
	}

	private java.util.List<String> events(String campaignId) {
		return jdbc.sql("select payload from outbox_event where topic = 'ads' and msg_key = ? order by position")
			.param(campaignId)
			.query(String.class)
			.list()
			.stream()
			.map(payload -> json.readTree(payload).get("type").asString())
			.toList();
	}

	private long campaignsOf(UUID advertiser) {
		return jdbc.sql("select count(*) from campaign where advertiser_id = ?").param(advertiser).query(Long.class)
			.single();
	}

	private static MockHttpServletRequestBuilder as(UUID user, MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + TestTokens.accessToken(user, "adv"));
	}
}
