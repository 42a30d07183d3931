package org.instaclone.loadtests.simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import org.instaclone.loadtests.seed.FreshTokens;
import org.instaclone.loadtests.seed.SeededUser;

/**
 * DeathStarBench's social-network mixed workload on the real graph (socfb-Reed98, seeded as graph
 * {@code reed}), so the numbers can be set beside theirs. Each arrival is one request by a random
 * signed-in Reed98 user, the same shares as DeathStarBench's {@code mixed-workload.lua}:
 * <ul>
 * <li>60 % home timeline: {@code GET /api/feed?limit=10}</li>
 * <li>30 % user timeline of a random Reed98 user: {@code GET /api/posts?author={id}&limit=10}</li>
 * <li>10 % compose post: {@code POST /api/posts} with a text that, like theirs, mentions users and
 * carries a link</li>
 * </ul>
 * Settings: {@link LoadSettings} ({@code load.rate} is requests per second here).
 */
public class DeathStarBenchMixSimulation extends Simulation {

	private final LoadSettings settings = LoadSettings.fromSystemProperties();

	private final List<SeededUser> reed = SignedInUsers.seeded(this.settings, user -> user.graph().equals("reed"));

	private final FreshTokens viewers = SignedInUsers.signIn(this.settings, this.reed);

	{
		System.out.println("DeathStarBench mix on socfb-Reed98: " + this.settings);
		setUp(OpenModel.warmUpThenMeasure(this.settings, this::request)).protocols(OpenModel.protocol(this.settings));
	}

	@Override
	public void after() {
		this.viewers.close();
		System.out.println("access tokens during the run: " + this.viewers.counts());
	}

	private ScenarioBuilder request(String prefix) {
		return scenario(prefix.isEmpty() ? "DeathStarBench mix" : prefix + "DeathStarBench mix")
			.feed(this.viewers.randomFeeder())
			.exec(randomSwitch().on(percent(60.0).then(homeTimeline(prefix)), percent(30.0).then(userTimeline(prefix)),
					percent(10.0).then(composePost(prefix))));
	}

	private static ChainBuilder homeTimeline(String prefix) {
		return exec(http(prefix + "home timeline: GET /api/feed").get("/api/feed?limit=10")
			.header("Authorization", "Bearer #{token}")
			.check(status().is(200)));
	}

	private ChainBuilder userTimeline(String prefix) {
		return exec(session -> session.set("author", randomReed().id()))
			.exec(http(prefix + "user timeline: GET /api/posts?author").get("/api/posts?author=#{author}&limit=10")
				.header("Authorization", "Bearer #{token}")
				.check(status().is(200)));
	}

	private ChainBuilder composePost(String prefix) {
		return exec(http(prefix + "compose post: POST /api/posts").post("/api/posts")
			.header("Authorization", "Bearer #{token}")
			.body(StringBody(this::text))
			.asJson()
			.check(status().is(201)));
	}

	private SeededUser randomReed() {
		return this.reed.get(ThreadLocalRandom.current().nextInt(this.reed.size()));
	}

	/** Like DeathStarBench's: some words, up to two mentions of other users and a link. */
	private String text(Session session) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder text = new StringBuilder("Load test post by ").append(session.getString("handle"));
		for (int i = random.nextInt(3); i > 0; i--) {
			text.append(" @").append(randomReed().handle());
		}
		text.append(" https://example.com/").append(Long.toHexString(random.nextLong()));
		return "{\"caption\":\"" + text + "\"}";
	}
}
