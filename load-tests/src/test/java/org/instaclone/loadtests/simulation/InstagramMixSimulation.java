package org.instaclone.loadtests.simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import org.instaclone.loadtests.seed.FreshTokens;
import org.instaclone.loadtests.seed.SeededUser;
import org.instaclone.loadtests.seed.TestPhotos;

/**
 * The realistic Instagram mix through the gateway, on every seeded user (both graphs). Each arrival
 * is one app session of a random signed-in user:
 * <ul>
 * <li>88 %: <b>browse</b>: the home feed ({@code GET /api/feed?limit=20}), the photos of its first
 * four photo posts ({@code GET /api/media/{key}}, the 640 px variant, without a token as an
 * {@code <img>} loads it), two ad slots ({@code GET /api/ads/placements?slots=2}) and the impression
 * of each ad served ({@code POST} its {@code impressionUrl}), and a view beacon for the posts seen
 * ({@code POST /api/metrics/views}, up to 10 views)</li>
 * <li>7 %: a text post ({@code POST /api/posts}, JSON)</li>
 * <li>1 %: a photo post (multipart, a generated 1440 x 1080 JPEG)</li>
 * <li>4 %: follow a random seeded user ({@code PUT /api/follows/{handle}}, idempotent)</li>
 * </ul>
 * So a session is 1 to ~9 requests, ~5 on average when feeds hold photos. Settings:
 * {@link LoadSettings}.
 */
public class InstagramMixSimulation extends Simulation {

	private final LoadSettings settings = LoadSettings.fromSystemProperties();

	private final List<SeededUser> everyone = SignedInUsers.seeded(this.settings, user -> true);

	private final FreshTokens viewers = SignedInUsers.signIn(this.settings, this.everyone);

	private final List<byte[]> photos = TestPhotos.generate(8, this.settings.seed() + 1000);

	{
		System.out.println("Instagram mix: " + this.settings);
		setUp(OpenModel.warmUpThenMeasure(this.settings, this::session)).protocols(OpenModel.protocol(this.settings));
	}

	@Override
	public void after() {
		this.viewers.close();
		System.out.println("access tokens during the run: " + this.viewers.counts());
	}

	private ScenarioBuilder session(String prefix) {
		return scenario(prefix.isEmpty() ? "Instagram mix" : prefix + "Instagram mix")
			.feed(this.viewers.randomFeeder())
			.exec(randomSwitch().on(percent(88.0).then(browse(prefix)), percent(7.0).then(textPost(prefix)),
					percent(1.0).then(photoPost(prefix)), percent(4.0).then(follow(prefix))));
	}

	private static ChainBuilder browse(String prefix) {
		return exec(http(prefix + "GET /api/feed").get("/api/feed?limit=20")
			.header("Authorization", "Bearer #{token}")
			.check(status().is(200), jsonPath("$.items[*].id").findAll().optional().saveAs("postIds"),
					jsonPath("$.items[*].images[?(@.kind == 'w640')].url").findAll().optional().saveAs("mediaUrls")))
			.exec(session -> session.set("mediaUrls", first(session, "mediaUrls", 4))
				.set("postIds", first(session, "postIds", 10)))
			.foreach("#{mediaUrls}", "mediaUrl")
			.on(exec(http(prefix + "GET /api/media/{key}").get("#{mediaUrl}").check(status().is(200))))
			.exec(http(prefix + "GET /api/ads/placements").get("/api/ads/placements?slots=2")
				.header("Authorization", "Bearer #{token}")
				.check(status().is(200),
						jsonPath("$.placements[*].impressionUrl").findAll().optional().saveAs("impressionUrls")))
			.exec(session -> session.set("impressionUrls", first(session, "impressionUrls", 2)))
			.foreach("#{impressionUrls}", "impressionUrl")
			.on(exec(http(prefix + "POST /api/ads/impressions/{id}").post("#{impressionUrl}")
				.header("Authorization", "Bearer #{token}")
				.check(status().is(204))))
			.exec(doIf(session -> !session.getList("postIds").isEmpty())
				.then(exec(http(prefix + "POST /api/metrics/views").post("/api/metrics/views")
					.header("Authorization", "Bearer #{token}")
					.body(StringBody(InstagramMixSimulation::views))
					.asJson()
					.check(status().is(202)))));
	}

	private static ChainBuilder textPost(String prefix) {
		return exec(http(prefix + "POST /api/posts (text)").post("/api/posts")
			.header("Authorization", "Bearer #{token}")
			.body(StringBody(session -> "{\"caption\":\"" + caption(session) + "\"}"))
			.asJson()
			.check(status().is(201)));
	}

	private ChainBuilder photoPost(String prefix) {
		return exec(http(prefix + "POST /api/posts (photo)").post("/api/posts")
			.header("Authorization", "Bearer #{token}")
			.bodyPart(ByteArrayBodyPart("image",
					session -> this.photos.get(ThreadLocalRandom.current().nextInt(this.photos.size())))
				.fileName("photo.jpg")
				.contentType("image/jpeg"))
			.bodyPart(StringBodyPart("caption", InstagramMixSimulation::caption))
			.asMultipartForm()
			.check(status().is(201)));
	}

	private ChainBuilder follow(String prefix) {
		return exec(session -> {
			String handle;
			do {
				handle = this.everyone.get(ThreadLocalRandom.current().nextInt(this.everyone.size())).handle();
			}
			while (handle.equals(session.getString("handle")));
			return session.set("followee", handle);
		}).exec(http(prefix + "PUT /api/follows/{handle}").put("/api/follows/#{followee}")
			.header("Authorization", "Bearer #{token}")
			.check(status().is(204)));
	}

	private static List<Object> first(Session session, String key, int limit) {
		if (!session.contains(key)) {
			return List.of();
		}
		List<Object> values = session.getList(key);
		return values.subList(0, Math.min(limit, values.size()));
	}

	/** A view beacon for the posts of the page just read; each view with its own event id. */
	private static String views(Session session) {
		String now = Instant.now().toString();
		StringJoiner views = new StringJoiner(",", "{\"views\":[", "]}");
		for (Object postId : session.getList("postIds")) {
			views.add("{\"eventId\":\"" + UUID.randomUUID() + "\",\"postId\":\"" + postId + "\",\"viewedAt\":\"" + now
					+ "\"}");
		}
		return views.toString();
	}

	static String caption(Session session) {
		return "Load test post by " + session.getString("handle") + " #load"
				+ ThreadLocalRandom.current().nextInt(20);
	}
}
