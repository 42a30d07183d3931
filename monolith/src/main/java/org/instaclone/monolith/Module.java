package org.instaclone.monolith;

import java.util.List;

/**
 * One service as a module of the monolith.
 *
 * @param name the service's name ({@code follow-service}), as in the microservice deployment
 * @param application the service's own {@code @SpringBootApplication} class: what its context is built from
 * @param schema its PostgreSQL schema in the monolith's one database (the microservice's database name)
 * @param paths the path prefixes it answers, the gateway's routes for it
 */
record Module(String name, Class<?> application, String schema, List<String> paths) {

	/** The five services, in start-up order: follow-service first, since it signs the tokens the others verify. */
	static final List<Module> ALL = List.of(
			new Module("follow-service", org.instaclone.follow.FollowServiceApplication.class, "follow",
					List.of("/api/accounts", "/api/users", "/api/follows", "/.well-known/jwks.json")),
			new Module("upload-service", org.instaclone.upload.UploadApplication.class, "upload",
					List.of("/api/posts", "/api/media", "/api/feed")),
			new Module("ads-service", org.instaclone.ads.AdsApplication.class, "ads", List.of("/api/ads")),
			new Module("integrations-service", org.instaclone.integrations.IntegrationsApplication.class,
					"integrations", List.of("/api/integrations")),
			new Module("metrics-service", org.instaclone.metrics.MetricsApplication.class, "metrics",
					List.of("/api/metrics")));

	/** Whether this module answers a path (a prefix matches whole segments: {@code /api/ads} not {@code /api/adsx}). */
	boolean answers(String path) {
		for (String prefix : this.paths) {
			if (path.equals(prefix) || path.startsWith(prefix + "/")) {
				return true;
			}
		}
		return false;
	}
}
