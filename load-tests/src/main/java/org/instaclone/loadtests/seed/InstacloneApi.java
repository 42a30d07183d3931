package org.instaclone.loadtests.seed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few public API calls the seeding and the simulations' sign-in need, through the gateway, with
 * the JDK's HTTP client. Answers 429, 502, 503 and 504 and refused connections are retried (honouring
 * {@code Retry-After}) up to {@value #ATTEMPTS} times; anything else unexpected is an
 * {@link ApiException}. Thread-safe.
 */
public final class InstacloneApi {

	private static final int ATTEMPTS = 6;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI base;

	private final HttpClient http;

	public InstacloneApi(URI base) {
		this.base = base;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * An account with a fresh access token, the refresh token that renews it (rotating: each one works
	 * once) and the access token's lifetime in seconds.
	 */
	public record SignedIn(String id, String handle, String accessToken, String refreshToken, long expiresIn) {
	}

	/**
	 * Signs up, or signs in when the handle is taken (409: a second seeding of the same system), so
	 * seeding can be repeated.
	 */
	public SignedIn signUp(String handle, String password) {
		Map<String, Object> body = Map.of("handle", handle, "email", handle + "@load.example", "password", password);
		HttpResponse<String> response = send(json("POST", "/api/accounts", null, body), 201, 409);
		if (response.statusCode() == 409) {
			return signIn(handle, password);
		}
		return signedIn(response);
	}

	public SignedIn signIn(String login, String password) {
		return signedIn(send(json("POST", "/api/accounts/sign-in", null, Map.of("login", login, "password", password)),
				200));
	}

	/**
	 * {@code POST /api/accounts/refresh} with the refresh token in the body (a client without Fetch
	 * Metadata headers gets it back in the body too): a new access token and a new refresh token; the
	 * old refresh token is retired.
	 */
	public SignedIn refresh(String refreshToken) {
		return signedIn(send(json("POST", "/api/accounts/refresh", null, Map.of("refreshToken", refreshToken)), 200));
	}

	/** {@code PUT /api/follows/{handle}}: idempotent. */
	public void follow(String token, String handle) {
		send(request("PUT", "/api/follows/" + URLEncoder.encode(handle, StandardCharsets.UTF_8), token)
			.PUT(BodyPublishers.noBody())
			.build(), 204);
	}

	/** A text-only post; answers the post. */
	public JsonNode postText(String token, String caption) {
		return body(send(json("POST", "/api/posts", token, Map.of("caption", caption)), 201));
	}

	/** A photo post (multipart, part {@code image} and field {@code caption}); answers the post. */
	public JsonNode postPhoto(String token, byte[] jpeg, String caption) {
		String boundary = "instaclone-load-" + UUID.randomUUID();
		ByteArrayOutputStream multipart = new ByteArrayOutputStream(jpeg.length + 512);
		multipart.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\n" + caption
				+ "\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		multipart.writeBytes(jpeg);
		multipart.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = request("POST", "/api/posts", token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofByteArray(multipart.toByteArray()))
			.timeout(Duration.ofSeconds(60))
			.build();
		return body(send(request, 201));
	}

	/**
	 * Creates an untargeted campaign with the given creative and activates it; answers its id.
	 */
	public String createActiveCampaign(String token, String name, String mediaKey, int bidCpmCents) {
		Map<String, Object> campaign = new LinkedHashMap<>();
		campaign.put("name", name);
		campaign.put("headline", "Load test campaign " + name);
		campaign.put("mediaKey", mediaKey);
		campaign.put("callToActionUrl", "https://example.com/" + name);
		campaign.put("dailyBudgetCents", 10_000_000);
		campaign.put("bidCpmCents", bidCpmCents);
		String id = body(send(json("POST", "/api/ads/campaigns", token, campaign), 201)).path("id").asString();
		send(request("POST", "/api/ads/campaigns/" + id + "/activate", token).POST(BodyPublishers.noBody()).build(),
				200);
		return id;
	}

	private HttpRequest json(String method, String path, @Nullable String token, Map<String, Object> body) {
		return request(method, path, token).header("Content-Type", "application/json")
			.method(method, BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
	}

	private HttpRequest.Builder request(String method, String path, @Nullable String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json");
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest request, int... expected) {
		String last = "";
		int status = 0;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			long waitMillis = 250L * attempt;
			try {
				HttpResponse<String> response = this.http.send(request, BodyHandlers.ofString());
				status = response.statusCode();
				for (int ok : expected) {
					if (status == ok) {
						return response;
					}
				}
				last = response.body();
				if (status != 429 && status != 502 && status != 503 && status != 504) {
					break;
				}
				waitMillis = response.headers()
					.firstValueAsLong("Retry-After")
					.stream()
					.map(seconds -> seconds * 1000)
					.findFirst()
					.orElse(waitMillis);
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ApiException(request.method() + " " + request.uri() + ": interrupted", 0);
			}
			sleep(waitMillis);
		}
		throw new ApiException(request.method() + " " + request.uri().getPath() + " -> " + status + ": "
				+ (last.length() > 300 ? last.substring(0, 300) : last), status);
	}

	private static SignedIn signedIn(HttpResponse<String> response) {
		JsonNode tokens = body(response);
		JsonNode account = tokens.path("account");
		return new SignedIn(account.path("id").asString(), account.path("handle").asString(),
				tokens.path("accessToken").asString(), tokens.path("refreshToken").asString(""),
				tokens.path("expiresIn").asLong(900));
	}

	private static JsonNode body(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
