package org.instaclone.systemtests;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.instaclone.systemtests.LocalRunnerProcess.sleep;

/**
 * The end-to-end scenario, through the HTTP API and the web client only, against either deployment of
 * the same code: the microservices behind the gateway ({@link LocalSystemIT}) or the monolith twin
 * ({@link MonolithSystemIT}). Sign-up, following and the follower list, the follow event published,
 * then the web client in headless Chromium (two people, a photo, a follow, the feed with a sponsored
 * post, the insights chart moving with views, a webhook endpoint). A subclass starts its deployment in
 * {@code @BeforeAll}, says where it answers and how to see a published event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SystemScenario {

	static final String PASSWORD = "correct horse battery staple";

	/** Text posts A writes before the photo: with the photo, more than one page of the feed (10 a page). */
	private static final int TEXT_POSTS = 10;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final JsonMapper json = JsonMapper.builder().build();

	final Path home = Path.of(System.getProperty("instaclone.home", "..")).toAbsolutePath().normalize();

	private final WebScenario web = new WebScenario();

	private @Nullable Browser browser;

	/** Where the deployment answers the API and serves the web client, e.g. {@code http://localhost:8080}. */
	abstract String baseUrl();

	/** Where this deployment's screenshots go, relative to the repository root. */
	abstract String screenshots();

	/**
	 * The {@code instaclone.follow.created.v1} event follow-service published for this follow, as the
	 * deployment's transport carried it (Kafka, or the monolith's outbox as delivered in process).
	 */
	abstract JsonNode awaitFollowCreatedEvent(String followerId, String followeeId, Duration timeout) throws Exception;

	@Test
	@Order(1)
	void aFollowIsVisibleThroughTheApiAndPublished() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String alice = "ita" + suffix;
		String bob = "itb" + suffix;
		JsonNode aliceSession = signUp(alice);
		JsonNode bobSession = signUp(bob);
		String aliceToken = aliceSession.path("accessToken").asString();
		assertThat(aliceSession.path("tokenType").asString()).isEqualTo("Bearer");
		assertThat(aliceSession.path("account").path("handle").asString()).isEqualTo(alice);

		HttpResponse<String> follow = send(request("/api/follows/" + bob, aliceToken)
			.PUT(HttpRequest.BodyPublishers.noBody()));
		assertThat(follow.statusCode()).as(follow.body()).isEqualTo(204);

		HttpResponse<String> followers = send(request("/api/users/" + bob + "/followers", aliceToken).GET());
		assertThat(followers.statusCode()).as(followers.body()).isEqualTo(200);
		List<String> followerHandles = new ArrayList<>();
		this.json.readTree(followers.body()).path("items").forEach((item) -> followerHandles.add(item.path("handle").asString()));
		assertThat(followerHandles).containsExactly(alice);

		HttpResponse<String> profile = send(request("/api/users/" + bob, aliceToken).GET());
		assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
		JsonNode bobProfile = this.json.readTree(profile.body());
		assertThat(bobProfile.path("followers").asLong()).isEqualTo(1);
		assertThat(bobProfile.path("following").asLong()).isZero();

		String aliceId = aliceSession.path("account").path("id").asString();
		String bobId = bobSession.path("account").path("id").asString();
		JsonNode event = awaitFollowCreatedEvent(aliceId, bobId, Duration.ofSeconds(30));
		assertThat(event.path("specversion").asString()).isEqualTo("1.0");
		assertThat(event.path("subject").asString()).isEqualTo(bobId);
		assertThat(event.path("data").path("followerHandle").asString()).isEqualTo(alice);
		assertThat(event.path("data").path("followeeHandle").asString()).isEqualTo(bob);
	}

	@Test
	@Order(2)
	void anUnauthenticatedCallGetsAProblem401() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/follows/nobody"))
			.timeout(Duration.ofSeconds(20))
			.PUT(HttpRequest.BodyPublishers.noBody()));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(401);
		assertThat(problem.path("title").asString()).isNotBlank();
	}

	@Test
	@Order(3)
	void eachServicesOpenApiDocumentIsAtTheSamePathInEitherDeployment() throws Exception {
		Map<String, String> pathOf = Map.of("follow-service", "/api/accounts", "upload-service", "/api/feed",
				"ads-service", "/api/ads/", "integrations-service", "/api/integrations/", "metrics-service",
				"/api/metrics/");
		for (Map.Entry<String, String> service : pathOf.entrySet()) {
			HttpResponse<String> response = send(
					HttpRequest.newBuilder(URI.create(baseUrl() + "/openapi/" + service.getKey())).GET());
			assertThat(response.statusCode()).as("%s: %s", service.getKey(), response.body()).isEqualTo(200);
			JsonNode document = this.json.readTree(response.body());
			assertThat(document.path("openapi").asString()).startsWith("3.");
			List<String> paths = new ArrayList<>(document.path("paths").propertyNames());
			assertThat(paths).as(service.getKey()).anyMatch((path) -> path.startsWith(service.getValue()));
			// the document of that service, not another's
			pathOf.forEach((other, prefix) -> {
				if (!other.equals(service.getKey())) {
					assertThat(paths).as("%s lists %s's paths", service.getKey(), other)
						.noneMatch((path) -> path.startsWith(prefix));
				}
			});
		}
	}

	// ---- the web client in a real browser (Order 10..19), against the same running system ----------

	@Test
	@Order(10)
	void webClientTwoPeopleAPhotoAFollowAndASponsoredPostInTheFeed() throws Exception {
		Browser browser = browser();
		browser.open(baseUrl() + "/");
		browser.visible("#sign-up-form");
		browser.screenshot("01-sign-in");

		// A signs up and posts a photo
		signUpInBrowser(browser, this.web.alice);
		browser.visible("#feed-refresh");
		browser.await("the empty feed's hint", Duration.ofSeconds(20),
				(driver) -> browser.find("main [role=status]").getText().contains("Your feed is empty"));
		browser.screenshot("02-feed-empty");
		assertThat(browser.script("return [localStorage.length, sessionStorage.length, document.cookie]"))
			.as("no token where page scripts (or injected ones) could read it: memory only, refresh token HttpOnly")
			.isEqualTo(List.of(0L, 0L, ""));

		browser.go("#/insights");
		assertThat(chartTotal(browser, "#insights-views")).as("views before anyone saw a post").isZero();

		// older text posts by A (through the API), so B's feed has more than one page (10 posts a page)
		String aliceToken = signIn(this.web.alice).path("accessToken").asString();
		for (int i = 1; i <= TEXT_POSTS; i++) {
			HttpResponse<String> text = send(request("/api/posts", aliceToken).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(Map.of("caption", "Pier note " + i)))));
			assertThat(text.statusCode()).as(text.body()).isEqualTo(201);
		}

		browser.go("#/upload");
		Path photo = this.web.photo();
		browser.visible("#upload-file").sendKeys(photo.toString());
		browser.type("#upload-caption", "Evening at the pier #" + this.web.hashtag);
		browser.visible("#upload-preview");
		browser.screenshot("03-upload");
		browser.clickable("#upload-submit").click();
		String postId = browser.await("the post page after the upload", Duration.ofSeconds(60),
				(driver) -> driver.getCurrentUrl().contains("#/p/") ? driver.getCurrentUrl().replaceAll(".*#/p/", "") : null);
		this.web.postId = postId;
		browser.await("the uploaded photo is shown", Duration.ofSeconds(20), (driver) -> (Boolean) browser
			.script("const img = document.querySelector('main img.photo'); return !!img && img.complete && img.naturalWidth > 0"));
		assertThat(browser.find("main img.photo").getAttribute("srcset")).as("srcset from the media variants")
			.contains("/api/media/").contains(" 640w");
		assertThat(browser.find("main img.photo").getAttribute("loading")).isEqualTo("eager");
		browser.screenshot("04-post");

		// an advertiser campaign with A's photo, through the API (the web client's Ads screen is shown later)
		JsonNode post = this.json.readTree(send(request("/api/posts/" + postId, aliceToken).GET()).body());
		String mediaKey = null;
		for (JsonNode image : post.path("images")) {
			if (image.path("kind").asString().equals("w1080")) {
				mediaKey = image.path("url").asString().replace("/api/media/", "");
			}
		}
		assertThat(mediaKey).as("the w1080 variant of %s", post).isNotNull();
		String campaign = this.json.writeValueAsString(Map.of("name", "Pier evenings", "headline", "Evenings at the pier",
				"mediaKey", mediaKey, "callToActionUrl", "https://example.com/pier", "dailyBudgetCents", 100000,
				"bidCpmCents", 500));
		HttpResponse<String> created = send(request("/api/ads/campaigns", aliceToken).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(campaign)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		this.web.campaignId = this.json.readTree(created.body()).path("id").asString();
		HttpResponse<String> activated = send(request("/api/ads/campaigns/" + this.web.campaignId + "/activate", aliceToken)
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);

		// A signs out; B signs up, finds A and follows
		signOutInBrowser(browser);
		// B uses the keyboard only: Tab from field to field, Enter submits, Enter on a focused button
		browser.visible("#sign-up-handle").sendKeys(this.web.bob, Keys.TAB, this.web.bob + "@example.com", Keys.TAB,
				PASSWORD, Keys.ENTER);
		browser.await("signed in as " + this.web.bob, Duration.ofSeconds(30),
				(driver) -> browser.find("#nav-profile").getText().equals("@" + this.web.bob));
		browser.go("#/search?q=" + this.web.alice);
		browser.clickable("a.person-result").sendKeys(Keys.ENTER);
		browser.visible("#follow-button");
		assertThat(browser.find("#profile-followers").getText()).isEqualTo("0");
		browser.clickable("#follow-button").sendKeys(Keys.ENTER);
		browser.await("Follow turns into Unfollow", Duration.ofSeconds(20),
				(driver) -> browser.find("#follow-button").getText().equals("Unfollow"));
		browser.await("A has one follower", Duration.ofSeconds(20),
				(driver) -> browser.find("#profile-followers").getText().equals("1"));
		browser.screenshot("05-profile");

		// B's feed gets A's post (the follow travels as an event to upload-service) and a sponsored post
		browser.go("#/");
		String byAlice = "article.post [id$='-author'] a[href='#/u/" + this.web.alice + "']";
		browser.await("A's post in B's feed", Duration.ofSeconds(60), (driver) -> {
			if (!browser.findAll(byAlice).isEmpty()) {
				return true;
			}
			browser.clickable("#feed-refresh").click();
			sleep(Duration.ofMillis(750));
			return false;
		});
		browser.await("a sponsored post in B's feed", Duration.ofSeconds(30), (driver) -> {
			List<WebElement> ads = browser.findAll("article.sponsored");
			if (!ads.isEmpty() && ads.get(0).getText().contains("Sponsored")) {
				return true;
			}
			browser.clickable("#feed-refresh").click();
			sleep(Duration.ofMillis(1500));
			return false;
		});
		assertThat(browser.find("article.sponsored").getText()).contains("Evenings at the pier");
		assertThat(browser.find("article.sponsored a.cta").getAttribute("href")).isEqualTo("https://example.com/pier");
		// seen: half of it on screen reports the impression (counted on the Ads screen below)
		browser.script("document.querySelector('article.sponsored').scrollIntoView({block: 'center'})");
		sleep(Duration.ofMillis(500));
		browser.screenshot("06-feed");

		// infinite scroll: the second page arrives when the end of the first comes into view
		browser.await("every post of A in B's feed after scrolling", Duration.ofSeconds(30), (driver) -> {
			browser.script("window.scrollTo(0, document.body.scrollHeight)");
			return browser.findAll("#feed article.post:not(.sponsored)").size() == TEXT_POSTS + 1
					&& browser.find("main [role=status]").getText().contains("all caught up");
		});
	}

	@Test
	@Order(11)
	void webClientInsightsChartMovesWithViews() throws Exception {
		Browser browser = browser();
		assertThat(this.web.postId).as("the scenario's first part ran").isNotNull();
		// B's view of A's post is sent by the view beacon; signing out sends what is still queued
		signOutInBrowser(browser);
		// a problem answer is shown in words: a wrong password
		browser.type("#sign-in-login", this.web.alice);
		browser.type("#sign-in-password", "not the password at all");
		browser.clickable("#sign-in-form button[type=submit]").click();
		browser.await("the sign-in problem in the alert region", Duration.ofSeconds(20),
				(driver) -> browser.find("#notice").isDisplayed() && !browser.find("#notice").getAttribute("class").contains("info")
						&& !browser.find("#notice-detail").getText().isBlank());
		browser.screenshot("07-sign-in-problem");
		signInInBrowser(browser, this.web.alice);
		browser.go("#/insights");
		browser.await("A's post views in the insights chart (metrics arrive as events and through a batch writer)",
				Duration.ofSeconds(60), (driver) -> {
					if (chartTotal(browser, "#insights-views") >= 1) {
						return true;
					}
					sleep(Duration.ofMillis(1500));
					browser.clickable("#insights-refresh").click();
					return false;
				});
		browser.await("A's follower gained in the insights chart", Duration.ofSeconds(30), (driver) -> {
			if (chartTotal(browser, "#insights-followers") >= 1) {
				return true;
			}
			sleep(Duration.ofMillis(1500));
			browser.clickable("#insights-refresh").click();
			return false;
		});
		assertThat(browser.findAll("#insights-views svg rect.bar")).as("bars drawn").isNotEmpty();
		browser.screenshot("08-insights");
	}

	@Test
	@Order(12)
	void webClientRegistersAWebhookEndpointAndShowsItsSecretOnce() throws Exception {
		Browser browser = browser();
		browser.go("#/integrations");
		browser.type("#app-name", "Pier bot");
		browser.type("#app-description", "Tells the pier channel about new followers");
		browser.clickable("#app-form button[type=submit]").click();
		browser.visible("#endpoint-form");
		// integrations-service refuses private and local addresses (SSRF guard); a public URL is accepted
		browser.type("#endpoint-url", "http://127.0.0.1:9/hook");
		browser.clickable("#endpoint-form button[type=submit]").click();
		assertThat(browser.visible("#notice").getText()).as("a refused URL is explained in words").contains("url");
		browser.type("#endpoint-url", "https://example.com/hook");
		browser.clickable("#endpoint-form button[type=submit]").click();
		String secret = browser.visible("#endpoint-secret").getAttribute("value");
		assertThat(secret).startsWith("whsec_");
		browser.await("the endpoint is listed", Duration.ofSeconds(20),
				(driver) -> browser.find("#endpoints").getText().contains("https://example.com/hook"));
		browser.screenshot("09-integrations");
		String appPage = browser.driver().getCurrentUrl();
		browser.go("#/integrations");
		browser.visible("#apps a");
		browser.open(appPage);
		browser.await("the app page again", Duration.ofSeconds(20),
				(driver) -> browser.find("#endpoints").getText().contains("https://example.com/hook"));
		assertThat(browser.driver().getPageSource()).as("the secret is shown once only").doesNotContain(secret);
	}

	@Test
	@Order(13)
	void webClientOtherScreensRenderWithoutErrorsAndFitAPhone() throws Exception {
		Browser browser = browser();
		browser.go("#/ads");
		browser.visible("#campaign-form");
		browser.screenshot("10-ads");
		browser.clickable("#campaigns a").click();
		// the impression is ads-service's own figure; the chart (metrics-service, from events) is only required to
		// render: its data can lag, see docs/web-client.md
		browser.await("B's impression on the campaign page", Duration.ofSeconds(45), (driver) -> {
			if (!browser.visible("#campaign-impressions").getText().equals("0")) {
				return true;
			}
			sleep(Duration.ofMillis(1500));
			browser.go("#/ads/" + this.web.campaignId + "?at=" + System.nanoTime());
			return false;
		});
		browser.await("the campaign's stats section", Duration.ofSeconds(20),
				(driver) -> !browser.find("#campaign-stats").getText().contains("Loading"));
		browser.screenshot("11-campaign");
		browser.go("#/search?q=%23" + this.web.hashtag);
		browser.visible("#search-posts a.tile img");
		browser.screenshot("12-search");
		browser.windowSize(360, 780);
		browser.go("#/");
		browser.visible("article.post img.photo");
		assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
			.as("no horizontal scrolling at 360 px").isLessThanOrEqualTo(360L);
		browser.screenshot("13-phone-feed");
		browser.go("#/u/" + this.web.alice);
		browser.visible("#profile-posts a.tile");
		assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(360L);
		browser.screenshot("14-phone-profile");
		browser.windowSize(1280, 900);
		assertThat(browser.console()).as("browser console: no CSP violation, no script error")
			.noneMatch((line) -> line.contains("Content Security Policy") || line.contains("Uncaught"));
	}

	@AfterAll
	void closeTheBrowser() throws Exception {
		Browser open = this.browser;
		if (open != null) {
			open.close();
		}
	}

	private Browser browser() throws IOException {
		Browser open = this.browser;
		if (open == null) {
			open = Browser.start(this.home.resolve(screenshots()));
			this.browser = open;
		}
		return open;
	}

	private void signUpInBrowser(Browser browser, String handle) {
		browser.type("#sign-up-handle", handle);
		browser.type("#sign-up-email", handle + "@example.com");
		browser.type("#sign-up-password", PASSWORD);
		browser.clickable("#sign-up-form button[type=submit]").click();
		browser.await("signed in as " + handle, Duration.ofSeconds(30),
				(driver) -> browser.find("#nav-profile").getText().equals("@" + handle));
	}

	private void signInInBrowser(Browser browser, String handle) {
		browser.type("#sign-in-login", handle);
		browser.type("#sign-in-password", PASSWORD);
		browser.clickable("#sign-in-form button[type=submit]").click();
		browser.await("signed in as " + handle, Duration.ofSeconds(30),
				(driver) -> browser.find("#nav-profile").getText().equals("@" + handle));
	}

	private void signOutInBrowser(Browser browser) {
		// a reload keeps the session: the HttpOnly refresh cookie restores it (no token is stored) ...
		browser.driver().navigate().refresh();
		browser.visible("#sign-out");
		browser.clickable("#sign-out").click();
		browser.visible("#sign-in-form");
		// ... and signing out ends it for good: the refresh token is revoked and its cookie cleared, so a
		// reload finds nothing to restore
		browser.driver().navigate().refresh();
		browser.visible("#sign-in-form");
		assertThat(browser.findAll("#sign-out")).as("signed out after a reload").noneMatch(WebElement::isDisplayed);
	}

	/** The data-total of the chart in a section, once it has loaded. */
	private static long chartTotal(Browser browser, String section) {
		return Long.parseLong(browser.visible(section + " figure.chart-figure").getAttribute("data-total"));
	}

	JsonNode signIn(String handle) throws IOException, InterruptedException {
		String body = this.json.writeValueAsString(Map.of("login", handle, "password", PASSWORD));
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/accounts/sign-in"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).as("sign-in of %s: %s", handle, response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	JsonNode signUp(String handle) throws IOException, InterruptedException {
		String body = this.json.writeValueAsString(
				Map.of("handle", handle, "email", handle + "@example.com", "password", PASSWORD));
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/accounts"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).as("sign-up of %s: %s", handle, response.body()).isEqualTo(201);
		return this.json.readTree(response.body());
	}

	private HttpRequest.Builder request(String path, String token) {
		return HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** What the browser tests share: the two people, the hashtag, and what A created. */
	private static final class WebScenario {

		private final String suffix = UUID.randomUUID().toString().substring(0, 6);

		final String alice = "wca" + this.suffix;

		final String bob = "wcb" + this.suffix;

		final String hashtag = "pier" + this.suffix;

		@Nullable String postId;

		@Nullable String campaignId;

		/** A small generated JPEG (a gradient with a sun), written to a temporary file. */
		Path photo() throws IOException {
			BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = image.createGraphics();
			g.setPaint(new GradientPaint(0, 0, new Color(0xF5, 0x85, 0x29), 0, 600, new Color(0x51, 0x5B, 0xD4)));
			g.fillRect(0, 0, 800, 600);
			g.setColor(new Color(0xFF, 0xE0, 0x80));
			g.fillOval(320, 300, 160, 160);
			g.setColor(new Color(0x20, 0x20, 0x40));
			g.fillRect(0, 420, 800, 180);
			g.dispose();
			Path file = Files.createTempFile("instaclone-photo-", ".jpg");
			file.toFile().deleteOnExit();
			ImageIO.write(image, "jpg", file.toFile());
			return file;
		}
	}
}
