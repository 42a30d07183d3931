package org.instaclone.metrics.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.instaclone.metrics.ServiceTest;
import org.instaclone.metrics.owner.Owners;
import org.instaclone.metrics.rollup.Metric;
import org.instaclone.metrics.rollup.Rollups;
import org.instaclone.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ServiceTest
class InsightControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Rollups rollups;

	@Autowired
	Owners owners;

	@Autowired
	TransactionTemplate tx;

	final UUID user = UUID.randomUUID();

	@Test
	void showsTheViewersNetFollowerChangePerDayWithZerosFilled() throws Exception {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Instant now = Instant.now();
		tx.executeWithoutResult(s -> {
			rollups.add(Metric.FOLLOWER_GAINS, user, now, 3);
			rollups.add(Metric.FOLLOWER_LOSSES, user, now, 1);
			rollups.add(Metric.FOLLOWER_GAINS, user, now.minus(Duration.ofDays(2)), 1);
			rollups.add(Metric.FOLLOWER_GAINS, UUID.randomUUID(), now, 7); // someone else's
		});
		mvc.perform(get("/api/metrics/me/followers").param("days", "3").header("Authorization", bearer(user)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value(today.minusDays(2).toString()))
			.andExpect(jsonPath("$.to").value(today.toString()))
			.andExpect(jsonPath("$.net").value(3))
			.andExpect(jsonPath("$.days", hasSize(3)))
			.andExpect(jsonPath("$.days[0].net").value(1))
			.andExpect(jsonPath("$.days[1].net").value(0))
			.andExpect(jsonPath("$.days[2].gained").value(3))
			.andExpect(jsonPath("$.days[2].lost").value(1))
			.andExpect(jsonPath("$.days[2].net").value(2));
		mvc.perform(get("/api/metrics/me/followers").header("Authorization", bearer(user)))
			.andExpect(jsonPath("$.days", hasSize(30)));
	}

	@Test
	void rejectsDayRangesOutsideOneToNinety() throws Exception {
		for (String days : List.of("0", "91")) {
			mvc.perform(get("/api/metrics/me/followers").param("days", days).header("Authorization", bearer(user)))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/validation"))
				.andExpect(jsonPath("$.errors[0].field").value("days"));
		}
	}

	@Test
	void needsAnAccessToken() throws Exception {
		mvc.perform(get("/api/metrics/me/followers"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/unauthorized"));
	}

	@Test
	void platformNumbersAreForOperatorsOnly() throws Exception {
		mvc.perform(get("/api/metrics/platform/daily").param("metric", "signups").header("Authorization", bearer(user)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/forbidden"));
		mvc.perform(get("/api/metrics/platform/daily").param("metric", "signups")
			.param("days", "7")
			.header("Authorization", operator()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.metric").value("signups"))
			.andExpect(jsonPath("$.days", hasSize(7)));
	}

	@Test
	void rejectsUnknownPlatformMetrics() throws Exception {
		mvc.perform(get("/api/metrics/platform/daily").param("metric", "follower-gains")
			.header("Authorization", operator()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/unknown-metric"));
		mvc.perform(get("/api/metrics/platform/daily").header("Authorization", operator()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aPostsViewsAreForItsAuthorOnly() throws Exception {
		UUID post = UUID.randomUUID();
		Instant at = Instant.parse("2026-01-10T10:20:00Z");
		tx.executeWithoutResult(s -> {
			owners.postCreated(post, user);
			rollups.add(Metric.POST_VIEWS, post, at, 5);
			rollups.add(Metric.POST_VIEWS, post, at.plus(Duration.ofHours(2)), 2);
		});
		mvc.perform(get("/api/metrics/posts/{id}/views", post).param("granularity", "hour")
			.param("from", "2026-01-10T10:59:00Z")
			.param("to", "2026-01-10T12:00:00Z")
			.header("Authorization", bearer(user)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.metric").value("post-views"))
			.andExpect(jsonPath("$.granularity").value("hour"))
			.andExpect(jsonPath("$.from").value("2026-01-10T10:00:00Z"))
			.andExpect(jsonPath("$.total").value(7))
			.andExpect(jsonPath("$.points", hasSize(3)))
			.andExpect(jsonPath("$.points[0].at").value("2026-01-10T10:00:00Z"))
			.andExpect(jsonPath("$.points[0].value").value(5))
			.andExpect(jsonPath("$.points[1].value").value(0))
			.andExpect(jsonPath("$.points[2].value").value(2));
		for (UUID someone : List.of(UUID.randomUUID())) {
			mvc.perform(get("/api/metrics/posts/{id}/views", post).header("Authorization", bearer(someone)))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/post-not-found"));
		}
		mvc.perform(get("/api/metrics/posts/{id}/views", UUID.randomUUID()).header("Authorization", bearer(user)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/metrics/posts/{id}/views", post).param("granularity", "minute")
			.header("Authorization", bearer(user)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/invalid-range"));
	}

	@Test
	void topPostsAreTheViewersOwnMostViewedFirst() throws Exception {
		UUID a = UUID.randomUUID();
		UUID b = UUID.randomUUID();
		UUID others = UUID.randomUUID();
		UUID unviewed = UUID.randomUUID();
		Instant now = Instant.now();
		tx.executeWithoutResult(s -> {
			owners.postCreated(a, user);
			owners.postCreated(b, user);
			owners.postCreated(unviewed, user);
			owners.postCreated(others, UUID.randomUUID());
			rollups.add(Metric.POST_VIEWS, a, now, 3);
			rollups.add(Metric.POST_VIEWS, b, now, 2);
			rollups.add(Metric.POST_VIEWS, b, now.minus(Duration.ofDays(3)), 9);
			rollups.add(Metric.POST_VIEWS, b, now.minus(Duration.ofDays(40)), 100); // outside the default 30 days
			rollups.add(Metric.POST_VIEWS, others, now, 50);
		});
		mvc.perform(get("/api/metrics/me/top-posts").header("Authorization", bearer(user)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.posts", hasSize(2)))
			.andExpect(jsonPath("$.posts[0].postId").value(b.toString()))
			.andExpect(jsonPath("$.posts[0].views").value(11))
			.andExpect(jsonPath("$.posts[1].postId").value(a.toString()))
			.andExpect(jsonPath("$.posts[1].views").value(3));
		mvc.perform(get("/api/metrics/me/top-posts").param("limit", "1").header("Authorization", bearer(user)))
			.andExpect(jsonPath("$.posts", hasSize(1)));
		mvc.perform(get("/api/metrics/me/top-posts").param("limit", "51").header("Authorization", bearer(user)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
	}

	@Test
	void rangesAreCappedAndLongRangesAreReadFromCoarserRollupsInAtMost1441Points() throws Exception {
		for (String granularity : List.of("minute", "hour", "day")) { // 732 days: longer than any grain reads
			mvc.perform(get("/api/metrics/me/followers/series").param("granularity", granularity)
				.param("from", "2026-01-01T00:00:00Z")
				.param("to", "2028-01-03T00:00:00Z")
				.header("Authorization", bearer(user)))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/invalid-range"));
		}
		tx.executeWithoutResult(s -> {
			rollups.add(Metric.FOLLOWER_GAINS, user, Instant.parse("2026-01-01T00:00:30Z"), 1);
			rollups.add(Metric.FOLLOWER_GAINS, user, Instant.parse("2026-01-01T00:01:10Z"), 2);
			rollups.add(Metric.FOLLOWER_GAINS, user, Instant.parse("2026-01-02T23:59:00Z"), 4);
			rollups.add(Metric.FOLLOWER_GAINS, user, Instant.parse("2026-01-03T00:01:00Z"), 8); // after the range
		});
		// 48 h of minutes: 2,881 buckets, summed in pairs into 1,441 points
		mvc.perform(get("/api/metrics/me/followers/series").param("granularity", "minute")
			.param("from", "2026-01-01T00:00:00Z")
			.param("to", "2026-01-03T00:00:00Z")
			.header("Authorization", bearer(user)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.granularity").value("minute"))
			.andExpect(jsonPath("$.step").value("PT2M"))
			.andExpect(jsonPath("$.to").value("2026-01-03T00:00:00Z"))
			.andExpect(jsonPath("$.points", hasSize(1441)))
			.andExpect(jsonPath("$.points[0].gained").value(3))
			.andExpect(jsonPath("$.points[1439].at").value("2026-01-02T23:58:00Z"))
			.andExpect(jsonPath("$.points[1439].gained").value(4))
			.andExpect(jsonPath("$.points[1440].gained").value(0))
			.andExpect(jsonPath("$.net").value(7));
		// minutes asked over 30 days: read from the hour rollups, 721 points
		mvc.perform(get("/api/metrics/me/followers/series").param("granularity", "minute")
			.param("from", "2026-01-01T00:00:00Z")
			.param("to", "2026-01-31T00:00:00Z")
			.header("Authorization", bearer(user)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.granularity").value("hour"))
			.andExpect(jsonPath("$.step").value("PT1H"))
			.andExpect(jsonPath("$.points", hasSize(721)))
			.andExpect(jsonPath("$.points[0].gained").value(3))
			.andExpect(jsonPath("$.net").value(15));
		// hours asked over 100 days: read from the day rollups
		mvc.perform(get("/api/metrics/me/followers/series").param("granularity", "hour")
			.param("from", "2026-01-01T00:00:00Z")
			.param("to", "2026-04-11T00:00:00Z")
			.header("Authorization", bearer(user)))
			.andExpect(jsonPath("$.granularity").value("day"))
			.andExpect(jsonPath("$.step").value("PT24H"))
			.andExpect(jsonPath("$.points", hasSize(101)))
			.andExpect(jsonPath("$.points[1].gained").value(4));
		mvc.perform(get("/api/metrics/me/followers/series").param("from", "2026-01-02T00:00:00Z")
			.param("to", "2026-01-01T00:00:00Z")
			.header("Authorization", bearer(user))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/metrics/me/followers/series").param("granularity", "week")
			.header("Authorization", bearer(user)))
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/invalid-range"));
		mvc.perform(get("/api/metrics/me/followers/series").param("from", "yesterday")
			.header("Authorization", bearer(user))).andExpect(status().isBadRequest());
	}

	@Test
	void followerSeriesPerMinute() throws Exception {
		Instant at = Instant.parse("2026-02-01T12:30:10Z");
		tx.executeWithoutResult(s -> {
			rollups.add(Metric.FOLLOWER_GAINS, user, at, 2);
			rollups.add(Metric.FOLLOWER_LOSSES, user, at.plusSeconds(60), 1);
		});
		mvc.perform(get("/api/metrics/me/followers/series").param("granularity", "minute")
			.param("from", "2026-02-01T12:30:00Z")
			.param("to", "2026-02-01T12:31:00Z")
			.header("Authorization", bearer(user)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.net").value(1))
			.andExpect(jsonPath("$.points[0].gained").value(2))
			.andExpect(jsonPath("$.points[1].lost").value(1))
			.andExpect(jsonPath("$.points[1].net").value(-1));
	}

	@Test
	void aCampaignsNumbersAreForItsAdvertiserOnly() throws Exception {
		UUID campaign = UUID.randomUUID();
		Instant at = Instant.parse("2026-03-05T09:00:00Z");
		tx.executeWithoutResult(s -> {
			owners.campaignCreated(campaign, user);
			rollups.add(Metric.AD_IMPRESSIONS, campaign, at, 200);
			rollups.add(Metric.AD_CLICKS, campaign, at, 5);
			rollups.add(Metric.AD_SPEND, campaign, at, 40_000);
		});
		mvc.perform(get("/api/metrics/campaigns/{id}", campaign).param("from", "2026-03-04T00:00:00Z")
			.param("to", "2026-03-05T00:00:00Z")
			.header("Authorization", bearer(user)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totals.impressions").value(200))
			.andExpect(jsonPath("$.totals.clicks").value(5))
			.andExpect(jsonPath("$.totals.ctr").value(0.025))
			.andExpect(jsonPath("$.totals.spendMillicents").value(40000))
			.andExpect(jsonPath("$.points[0].ctr").value(0.0))
			.andExpect(jsonPath("$.points[1].impressions").value(200));
		mvc.perform(get("/api/metrics/campaigns/{id}", campaign).header("Authorization", bearer(UUID.randomUUID())))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/campaign-not-found"));
	}

	@Test
	void platformSeriesAtAnyGrainForOperatorsOnly() throws Exception {
		mvc.perform(get("/api/metrics/platform/series").param("metric", "views").header("Authorization", bearer(user)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/metrics/platform/series").param("metric", "views")
			.param("granularity", "minute")
			.header("Authorization", operator()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.metric").value("views"))
			.andExpect(jsonPath("$.points", hasSize(60)));
		mvc.perform(get("/api/metrics/platform/series").param("metric", "post-views")
			.header("Authorization", operator()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/unknown-metric"));
	}

	static String bearer(UUID user) {
		return "Bearer " + TestTokens.accessToken(user, "u" + user.toString().substring(0, 8));
	}

	static String operator() {
		return "Bearer " + TestTokens.token(UUID.randomUUID(), "ops", header -> {
		}, claims -> claims.claim("roles", List.of("user", "operator")));
	}
}
