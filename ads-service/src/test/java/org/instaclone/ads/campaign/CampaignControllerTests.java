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

	@Autowired
	CampaignService service;

	static final String MEDIA_KEY = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.jpg";

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

	@Test
	void rejectsBadCreativesTargetingAndMoney() throws Exception {
		Map<String, Object> body = valid();
		body.put("mediaKey", "../../etc/passwd");
		body.put("targetHashtags", java.util.List.of("cats", "not a tag"));
		body.put("bidCpmCents", -5);
		body.put("dailyBudgetCents", 1_000_000_000_000L);
		mvc.perform(as(ann, post("/api/ads/campaigns")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/validation"))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("mediaKey", "targetHashtags[1]",
					"bidCpmCents", "dailyBudgetCents")));
		body = valid();
		body.put("targetHashtags", java.util.List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"));
		mvc.perform(as(ann, post("/api/ads/campaigns")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("targetHashtags"));
		body = valid();
		body.remove("mediaKey");
		mvc.perform(as(ann, post("/api/ads/campaigns")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("mediaKey"));
		assertThat(campaignsOf(ann)).isZero();
	}

	@Test
	void rejectsABudgetThatCannotPayForOneImpressionAndBackwardsSchedules() throws Exception {
		Map<String, Object> body = valid();
		body.put("dailyBudgetCents", 1);
		body.put("bidCpmCents", 1_001); // 1.001 cents per impression, budget 1 cent
		mvc.perform(as(ann, post("/api/ads/campaigns")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/validation"))
			.andExpect(jsonPath("$.errors[0].field").value("dailyBudgetCents"));
		body = valid();
		body.put("startsAt", "2031-02-01T00:00:00Z");
		body.put("endsAt", "2031-01-01T00:00:00Z");
		mvc.perform(as(ann, post("/api/ads/campaigns")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("endsAt"));
		body.put("startsAt", "2020-01-01T00:00:00Z");
		body.put("endsAt", "2020-02-01T00:00:00Z");
		mvc.perform(as(ann, post("/api/ads/campaigns")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("must be in the future"));
		assertThat(campaignsOf(ann)).isZero();

		String id = create(ann, valid());
		mvc.perform(as(ann, patch("/api/ads/campaigns/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"bidCpmCents\":100000,\"dailyBudgetCents\":50}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("dailyBudgetCents"));
		mvc.perform(as(ann, get("/api/ads/campaigns/" + id))).andExpect(jsonPath("$.bidCpmCents").value(120));
	}

	@Test
	void normalisesTargetingHashtags() throws Exception {
		Map<String, Object> body = valid();
		body.put("targetHashtags", java.util.List.of("#Cats", "cats", "Hiking_2030"));
		String id = create(ann, body);
		mvc.perform(as(ann, get("/api/ads/campaigns/" + id)))
			.andExpect(jsonPath("$.targetHashtags").value(org.hamcrest.Matchers.contains("cats", "hiking_2030")));
	}

	@Test
	void anEditBasedOnAStaleVersionIsRefused() throws Exception {
		String id = create(ann, valid());
		String etag = mvc.perform(as(ann, get("/api/ads/campaigns/" + id)))
			.andExpect(header().string("ETag", "\"0\""))
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		mvc.perform(as(ann, patch("/api/ads/campaigns/" + id)).header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"headline\":\"first writer\"}"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(as(ann, patch("/api/ads/campaigns/" + id)).header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"headline\":\"second writer\"}"))
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/campaign-changed"));
		mvc.perform(as(ann, patch("/api/ads/campaigns/" + id)).header("If-Match", "garbage")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"headline\":\"third writer\"}"))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(as(ann, get("/api/ads/campaigns/" + id))).andExpect(jsonPath("$.headline").value("first writer"));
		assertThat(events(id)).containsExactly("instaclone.ad.campaign-created.v1", "instaclone.ad.campaign-updated.v1");
	}

	@Test
	void anEndedCampaignStaysEnded() throws Exception {
		String id = create(ann, valid());
		mvc.perform(as(ann, post("/api/ads/campaigns/" + id + "/end")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ended"));
		mvc.perform(as(ann, post("/api/ads/campaigns/" + id + "/activate")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/campaign-state"));
		mvc.perform(as(ann, patch("/api/ads/campaigns/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"again\"}")).andExpect(status().isConflict());
		mvc.perform(as(ann, post("/api/ads/campaigns/" + id + "/end"))).andExpect(status().isOk());
		assertThat(events(id)).containsExactly("instaclone.ad.campaign-created.v1", "instaclone.ad.campaign-ended.v1");
	}

	@Test
	void aCampaignWhoseScheduleIsOverIsEndedByTheSweep() throws Exception {
		Map<String, Object> body = valid();
		body.put("endsAt", "2031-03-01T00:00:00Z");
		String running = create(ann, body);
		mvc.perform(as(ann, post("/api/ads/campaigns/" + running + "/activate"))).andExpect(status().isOk());
		body.put("endsAt", "2031-03-02T00:00:00Z");
		String later = create(ann, body);

		service.endScheduleOver(java.time.Instant.parse("2031-03-01T00:00:00Z"));

		mvc.perform(as(ann, get("/api/ads/campaigns/" + running))).andExpect(jsonPath("$.status").value("ended"));
		mvc.perform(as(ann, get("/api/ads/campaigns/" + later))).andExpect(jsonPath("$.status").value("draft"));
		assertThat(events(running)).containsExactly("instaclone.ad.campaign-created.v1",
				"instaclone.ad.campaign-activated.v1", "instaclone.ad.campaign-ended.v1");
	}

	@Test
	void anUnknownCampaignIsAProblem() throws Exception {
		mvc.perform(as(ann, get("/api/ads/campaigns/" + UUID.randomUUID())))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/campaign-not-found"));
		mvc.perform(as(ann, post("/api/ads/campaigns/" + UUID.randomUUID() + "/end"))).andExpect(status().isNotFound());
		mvc.perform(as(ann, get("/api/ads/campaigns/not-an-id"))).andExpect(status().isBadRequest());
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
		body.put("mediaKey", MEDIA_KEY);
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
