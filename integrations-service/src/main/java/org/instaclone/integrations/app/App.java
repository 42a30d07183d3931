package org.instaclone.integrations.app;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Cursor;

/** A third-party app registered by a user, who alone can see and change it. */
@Entity
@Table(name = "app")
class App {

	@Id
	private UUID id;

	private UUID ownerId;

	private String name;

	private String description;

	private @Nullable String homepageUrl;

	private Instant createdAt;

	protected App() {
		// for JPA
	}

	static App register(UUID owner, AppRequests.NewApp request, Instant now) {
		App app = new App();
		app.id = UUID.randomUUID();
		app.ownerId = owner;
		app.name = request.name().strip();
		app.description = request.description().strip();
		app.homepageUrl = request.homepageUrl() == null ? null : request.homepageUrl().strip();
		app.createdAt = now.truncatedTo(ChronoUnit.MICROS);
		return app;
	}

	Cursor cursor() {
		return new Cursor(createdAt, id);
	}

	AppView view() {
		return new AppView(id, name, description, homepageUrl, createdAt);
	}
}
