package org.instaclone.ads.serving;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.instaclone.ads.ServiceTest;
import org.instaclone.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Serving on the real database. Placements choose among every running campaign in the (shared) test
 * database, so each test starts by ending whatever other tests left running, then creates its own.
 */
@ServiceTest
class ServingTests {

	static final String MEDIA_KEY = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae.jpg";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ServingService serving;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	final UUID advertiser = UUID.randomUUID();

	final UUID viewer = UUID.randomUUID();

	@BeforeEach
	void nothingElseIsRunning() {
		jdbc.sql("update campaign set status = 'ENDED' where status = 'ACTIVE'").update();
	}

	@Test
	void slotsMustBeOneToTenAndHashtagsWellFormed() throws Exception {
		for (String slots : new String[] { "0", "11", "-1" }) {
			mvc.perform(as(viewer, get("/api/ads/placements").param("slots", slots)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/validation"))
				.andExpect(jsonPath("$.errors[0].field").value("slots"));
		}
		mvc.perform(as(viewer, get("/api/ads/placements"))).andExpect(status().isBadRequest());
		mvc.perform(as(viewer, get("/api/ads/placements").param("slots", "ten"))).andExpect(status().isBadRequest());
		mvc.perform(as(viewer, get("/api/ads/placements").param("slots", "2").param("hashtags", "<script>")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/validation"));
		mvc.perform(as(viewer, get("/api/ads/placements").param("slots", "2")
			.param("hashtags", "a,b,c,d,e,f,g,h,i,j,k"))).andExpect(status().isBadRequest());
		assertThat(served(viewer)).isZero();
	}

	@Test
	void picksHighestBidFirstAmongMatchingAdsAndNeverTheViewersOwn() throws Exception {
		String low = running(advertiser, 100, List.of());
		String cats = running(advertiser, 900, List.of("#Cats"));
		running(advertiser, 800, List.of("dogs"));
		String paused = running(advertiser, 950, List.of());
		mvc.perform(as(advertiser, post("/api/ads/campaigns/" + paused + "/pause"))).andExpect(status().isOk());
		create(advertiser, 990, List.of()); // a draft
		running(viewer, 999, List.of()); // the viewer's own campaign

		JsonNode placements = placements(viewer, 10, "cats,travel");
		assertThat(campaignIds(placements)).containsExactly(cats, low);
		JsonNode first = placements.get("placements").get(0);
		assertThat(first.get("headline").asString()).isEqualTo("bid 900");
		assertThat(first.get("mediaKey").asString()).isEqualTo(MEDIA_KEY);
		assertThat(first.get("clickUrl").asString()).isEqualTo("/api/ads/click/" + first.get("impressionId").asString());
		assertThat(campaignIds(placements(viewer, 1, "cats"))).containsExactly(cats);
		assertThat(campaignIds(placements(viewer, 10, null))).containsExactly(low);
	}

	@Test
	void answersAnEmptyListWhenNothingQualifies() throws Exception {
		mvc.perform(as(viewer, get("/api/ads/placements").param("slots", "3")))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.placements").isEmpty());
	}

	@Test
	void showsTheSameAdAtMostThreeTimesAnHourToOneViewer() {
		String campaign = running(advertiser, 500, List.of());
		Instant at = Instant.parse("2030-05-01T12:00:00Z");
		for (int i = 0; i < ServingService.FREQUENCY_CAP; i++) {
			assertThat(serving.place(viewer, 1, List.of(), at.plusSeconds(i))).extracting(p -> p.campaignId().toString())
				.containsExactly(campaign);
		}
		assertThat(serving.place(viewer, 1, List.of(), at.plusSeconds(60))).isEmpty();
		assertThat(serving.place(UUID.randomUUID(), 1, List.of(), at.plusSeconds(60))).hasSize(1);
		assertThat(serving.place(viewer, 1, List.of(), at.plusSeconds(3600))).hasSize(1); // the first fell out of the hour
	}

	@Test
	void parallelRequestsOfOneViewerCannotTogetherPassTheFrequencyCap() throws Exception {
		String campaign = running(advertiser, 500, List.of());
		Instant at = Instant.parse("2030-05-02T12:00:00Z");
		int requests = 24;
		ExecutorService pool = Executors.newFixedThreadPool(12);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<Placement>>> results = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return serving.place(viewer, 1, List.of(), at);
			}));
		}
		start.countDown();
		int placed = 0;
		for (Future<List<Placement>> result : results) {
			placed += result.get().size();
		}
		pool.shutdown();
		assertThat(placed).isEqualTo(ServingService.FREQUENCY_CAP);
		assertThat(jdbc.sql("select count(*) from ad_impression where viewer_id = ? and campaign_id = ?")
			.params(viewer, UUID.fromString(campaign))
			.query(Long.class)
			.single()).isEqualTo(ServingService.FREQUENCY_CAP);
	}

	@Test
	void onlyThePlacementsOwnCommitSkipsTheWalFlush() throws Exception {
		running(advertiser, 500, List.of());
		// one connection, as the pool hands it out: placing an ad relaxes synchronous_commit for that
		// transaction only, never for what the connection commits next (impressions, spend)
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("set synchronous_commit = on"); // the embedded test server's default is off
			try (ResultSet placed = statement.executeQuery("""
					select count(*) from place_ads(gen_random_uuid(), 1, '{}', now(), now() - interval '1 hour', 3,
					                               current_date, 0.5, 50)""")) {
				assertThat(placed.next()).isTrue();
				assertThat(placed.getLong(1)).isEqualTo(1);
			}
			try (ResultSet setting = statement.executeQuery("show synchronous_commit")) {
				assertThat(setting.next()).isTrue();
				assertThat(setting.getString(1)).isEqualTo("on");
			}
		}
	}

	@Test
	void placementsRefuseToJoinACallersTransaction() {
		running(advertiser, 500, List.of());
		assertThatThrownBy(() -> new TransactionTemplate(transactions)
			.executeWithoutResult(status -> serving.place(viewer, 1, List.of(), Instant.now())))
			.isInstanceOf(IllegalStateException.class);
		assertThat(served(viewer)).isZero();
	}

	@Test
	void pacingSpreadsTheDailyBudgetOverTheDay() {
		// budget 100.00 = 10,000,000 millicents; 3,000,000 spent today
		String campaign = running(advertiser, 500, 10_000, List.of());
		LocalDate day = LocalDate.parse("2030-06-01");
		jdbc.sql("insert into campaign_day (campaign_id, day, spent_millicents, impressions) values (?, ?, 3000000, 6000)")
			.params(UUID.fromString(campaign), day)
			.update();
		// at 06:00 the pace allows 2,500,000 + 200,000 burst: ahead of pace, not shown
		assertThat(serving.place(viewer, 1, List.of(), day.atTime(6, 0).toInstant(ZoneOffset.UTC))).isEmpty();
		// at 07:00 the pace allows 2,916,666 + 200,000: behind pace again, shown
		assertThat(serving.place(viewer, 1, List.of(), day.atTime(7, 0).toInstant(ZoneOffset.UTC))).hasSize(1);
		// the next day starts from nothing spent
		assertThat(serving.place(UUID.randomUUID(), 1, List.of(), day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
			.hasSize(1);
	}

	@Test
	void servesOnlyWithinTheSchedule() throws Exception {
		Map<String, Object> body = campaign(500, List.of());
		body.put("startsAt", "2031-01-01T00:00:00Z");
		body.put("endsAt", "2031-01-31T00:00:00Z");
		String id = activate(advertiser, createdId(advertiser, body));
		assertThat(serving.place(viewer, 1, List.of(), Instant.parse("2030-12-31T23:59:59Z"))).isEmpty();
		assertThat(serving.place(viewer, 1, List.of(), Instant.parse("2031-01-15T12:00:00Z")))
			.extracting(p -> p.campaignId().toString())
			.containsExactly(id);
		assertThat(serving.place(viewer, 1, List.of(), Instant.parse("2031-01-31T00:00:00Z"))).isEmpty();
	}

	@Test
	void anImpressionCountsOnceHoweverOftenItIsReported() throws Exception {
		String campaign = running(advertiser, 1_500, List.of());
		String impression = placements(viewer, 1, null).get("placements").get(0).get("impressionId").asString();
		for (int i = 0; i < 3; i++) {
			mvc.perform(as(viewer, post("/api/ads/impressions/" + impression))).andExpect(status().isNoContent());
		}
		mvc.perform(as(advertiser, get("/api/ads/campaigns/" + campaign)))
			.andExpect(jsonPath("$.impressions").value(1))
			.andExpect(jsonPath("$.spentCents").value(1)) // 1,500 millicents: 1.5 cents, shown rounded down
			.andExpect(jsonPath("$.spentTodayCents").value(1));
		assertThat(events(campaign, "instaclone.ad.impression-recorded.v1")).isEqualTo(1);
		mvc.perform(as(UUID.randomUUID(), post("/api/ads/impressions/" + impression)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/impression-not-found"));
		mvc.perform(as(viewer, post("/api/ads/impressions/" + UUID.randomUUID()))).andExpect(status().isNotFound());
		mvc.perform(as(viewer, post("/api/ads/impressions/not-a-uuid"))).andExpect(status().isBadRequest());
	}

	@Test
	void aClickRedirectsOnlyToTheCampaignsOwnUrlAndCountsOnce() throws Exception {
		String campaign = running(advertiser, 700, List.of());
		String impression = placements(viewer, 1, null).get("placements").get(0).get("impressionId").asString();
		mvc.perform(as(viewer, get("/api/ads/click/" + impression).param("url", "https://evil.example")))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", "https://shop.example/offer"));
		mvc.perform(as(advertiser, patch("/api/ads/campaigns/" + campaign)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"callToActionUrl\":\"https://shop.example/new\"}")).andExpect(status().isOk());
		mvc.perform(as(viewer, get("/api/ads/click/" + impression)))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", "https://shop.example/new"));
		mvc.perform(as(advertiser, get("/api/ads/campaigns/" + campaign))).andExpect(jsonPath("$.clicks").value(1));
		assertThat(events(campaign, "instaclone.ad.clicked.v1")).isEqualTo(1);
		mvc.perform(as(UUID.randomUUID(), get("/api/ads/click/" + impression)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/impression-not-found"));
		mvc.perform(as(viewer, get("/api/ads/click/" + UUID.randomUUID())))
			.andExpect(status().isNotFound())
			.andExpect(header().doesNotExist("Location"));
	}

	@Test
	void concurrentImpressionsNeverSpendMoreThanTheDailyBudget() throws Exception {
		// budget 0.20 = 20,000 millicents; each impression costs 1,000: exactly 20 can be paid for
		String campaign = running(advertiser, 1_000, 20, List.of());
		Instant at = Instant.parse("2030-07-01T23:00:00Z");
		List<UUID[]> served = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			UUID someone = UUID.randomUUID();
			List<Placement> placements = serving.place(someone, 1, List.of(), at);
			assertThat(placements).hasSize(1);
			served.add(new UUID[] { someone, placements.get(0).impressionId() });
		}
		// every impression reported twice (a client retry), all at once from 12 threads
		ExecutorService pool = Executors.newFixedThreadPool(12);
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Boolean>> reports = new ArrayList<>();
		for (UUID[] s : served) {
			for (int copy = 0; copy < 2; copy++) {
				reports.add(() -> {
					start.await();
					return serving.recordImpression(s[0], s[1], at.plusSeconds(1));
				});
			}
		}
		List<Future<Boolean>> results = new ArrayList<>();
		for (Callable<Boolean> report : reports) {
			results.add(pool.submit(report));
		}
		start.countDown();
		long recorded = 0;
		for (Future<Boolean> result : results) {
			recorded += result.get() ? 1 : 0;
		}
		pool.shutdown();

		assertThat(recorded).isEqualTo(60);
		Map<String, Object> day = jdbc
			.sql("select spent_millicents, impressions from campaign_day where campaign_id = ? and day = '2030-07-01'")
			.param(UUID.fromString(campaign))
			.query()
			.singleRow();
		assertThat((Long) day.get("spent_millicents")).isEqualTo(20_000);
		assertThat((Long) day.get("impressions")).isEqualTo(20);
		assertThat(jdbc.sql("select sum(charged_millicents) from ad_impression where campaign_id = ?")
			.param(UUID.fromString(campaign))
			.query(Long.class)
			.single()).isEqualTo(20_000);
		assertThat(jdbc.sql("select count(*) from ad_impression where campaign_id = ? and charged_millicents = 0")
			.param(UUID.fromString(campaign))
			.query(Long.class)
			.single()).isEqualTo(40);
		assertThat(events(campaign, "instaclone.ad.impression-recorded.v1")).isEqualTo(60);
		// and serving stops offering it: nothing left to spend today
		assertThat(serving.place(UUID.randomUUID(), 1, List.of(), at.plusSeconds(2))).isEmpty();
	}

	@Test
	void anImpressionMustBeReportedWithinAnHourOfServing() throws Exception {
		running(advertiser, 500, List.of());
		Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
		UUID late = serving.place(viewer, 1, List.of(), twoHoursAgo).get(0).impressionId();
		mvc.perform(as(viewer, post("/api/ads/impressions/" + late)))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/impression-expired"));
		assertThat(jdbc.sql("select seen_at is null and charged_millicents is null from ad_impression where id = ?")
			.param(late)
			.query(Boolean.class)
			.single()).isTrue();
		// reported in time, a retry after the window is still the same no-op as any retry
		Instant at = Instant.parse("2030-08-01T10:00:00Z");
		UUID onTime = serving.place(viewer, 1, List.of(), at).get(0).impressionId();
		assertThat(serving.recordImpression(viewer, onTime, at.plusSeconds(60))).isTrue();
		assertThat(serving.recordImpression(viewer, onTime, at.plus(Duration.ofHours(2)))).isFalse();
	}

	@Test
	void servedSlotsArePurgedAfterTheirRetention() {
		running(advertiser, 500, List.of());
		Instant at = Instant.parse("2030-09-01T10:00:00Z");
		UUID old = serving.place(viewer, 1, List.of(), at).get(0).impressionId();
		UUID recent = serving.place(viewer, 1, List.of(), at.plus(Duration.ofDays(3))).get(0).impressionId();
		serving.purgeServedBefore(at.plus(Duration.ofDays(1)));
		assertThat(jdbc.sql("select id from ad_impression where id in (?, ?)").params(old, recent).query(UUID.class).list())
			.containsExactly(recent);
		assertThatThrownBy(() -> serving.click(viewer, old, at.plus(Duration.ofDays(2))))
			.isInstanceOf(ImpressionNotFoundException.class);
	}

	@Test
	void unknownImpressionsCannotBeRecorded() {
		assertThatThrownBy(() -> serving.recordImpression(viewer, UUID.randomUUID(), Instant.now()))
			.isInstanceOf(ImpressionNotFoundException.class);
	}

	// --- helpers

	private String running(UUID owner, long bid, List<String> hashtags) {
		return running(owner, bid, 10_000_000, hashtags);
	}

	private String running(UUID owner, long bid, long budget, List<String> hashtags) {
		try {
			Map<String, Object> body = campaign(bid, hashtags);
			body.put("dailyBudgetCents", budget);
			return activate(owner, createdId(owner, body));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String create(UUID owner, long bid, List<String> hashtags) throws Exception {
		return createdId(owner, campaign(bid, hashtags));
	}

	private String activate(UUID owner, String id) throws Exception {
		mvc.perform(as(owner, post("/api/ads/campaigns/" + id + "/activate"))).andExpect(status().isOk());
		return id;
	}

	private String createdId(UUID owner, Map<String, Object> body) throws Exception {
		String response = mvc.perform(as(owner, post("/api/ads/campaigns")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(response).get("id").asString();
	}

	private static Map<String, Object> campaign(long bid, List<String> hashtags) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Campaign " + bid);
		body.put("headline", "bid " + bid);
		body.put("mediaKey", MEDIA_KEY);
		body.put("callToActionUrl", "https://shop.example/offer");
		body.put("targetHashtags", hashtags);
		body.put("dailyBudgetCents", 10_000_000);
		body.put("bidCpmCents", bid);
		return body;
	}

	private JsonNode placements(UUID who, int slots, String hashtags) throws Exception {
		MockHttpServletRequestBuilder request = get("/api/ads/placements").param("slots", String.valueOf(slots));
		if (hashtags != null) {
			request.param("hashtags", hashtags);
		}
		return json.readTree(mvc.perform(as(who, request))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static List<String> campaignIds(JsonNode placements) {
		List<String> ids = new ArrayList<>();
		placements.get("placements").forEach(p -> ids.add(p.get("campaignId").asString()));
		return ids;
	}

	private long served(UUID who) {
		return jdbc.sql("select count(*) from ad_impression where viewer_id = ?").param(who).query(Long.class).single();
	}

	private long events(String campaign, String type) {
		return jdbc.sql("select payload from outbox_event where topic = 'ads' and msg_key = ?")
			.param(campaign)
			.query(String.class)
			.list()
			.stream()
			.filter(payload -> json.readTree(payload).get("type").asString().equals(type))
			.count();
	}

	private static MockHttpServletRequestBuilder as(UUID user, MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + TestTokens.accessToken(user, "viewer"));
	}
}
