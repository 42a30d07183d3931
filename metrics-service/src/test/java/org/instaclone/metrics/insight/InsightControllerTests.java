package org.instaclone.metrics.insight;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.instaclone.metrics.ServiceTest;
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
	TransactionTemplate tx;

	final UUID user = UUID.randomUUID();

	@Test
	void showsTheViewersNetFollowerChangePerDayWithZerosFilled() throws Exception {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		tx.executeWithoutResult(s -> {
			rollups.add(Metric.FOLLOWER_GAINS, user, today, 3);
			rollups.add(Metric.FOLLOWER_LOSSES, user, today, 1);
			rollups.add(Metric.FOLLOWER_GAINS, user, today.minusDays(2), 1);
			rollups.add(Metric.FOLLOWER_GAINS, UUID.randomUUID(), today, 7); // someone else's
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

	static String bearer(UUID user) {
		return "Bearer " + TestTokens.accessToken(user, "u" + user.toString().substring(0, 8));
	}

	static String operator() {
		return "Bearer " + TestTokens.token(UUID.randomUUID(), "ops", header -> {
		}, claims -> claims.claim("roles", List.of("user", "operator")));
	}
}
