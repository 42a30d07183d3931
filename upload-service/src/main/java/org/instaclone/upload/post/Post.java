package org.instaclone.upload.post;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.instaclone.platform.security.Viewer;
import org.instaclone.platform.paging.Cursor;

/** A post. For now only a caption; the photo pipeline adds media later. */
@Entity
@Table(name = "post")
class Post {

	@Id
	private UUID id;

	private UUID authorId;

	private String authorHandle;

	private String caption;

	private Instant createdAt;

	protected Post() {
		// for JPA
	}

	private Post(UUID authorId, String authorHandle, String caption, Instant now) {
		this.id = UUID.randomUUID();
		this.authorId = authorId;
		this.authorHandle = authorHandle;
		this.caption = caption;
		// PostgreSQL keeps microseconds; truncating keeps the value returned now equal to the one read later
		this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
	}

	static Post publish(Viewer author, String caption, Instant now) {
		return new Post(author.id(), author.handle(), caption, now);
	}

	boolean isAuthoredBy(Viewer viewer) {
		return authorId.equals(viewer.id());
	}

	UUID id() {
		return id;
	}

	UUID authorId() {
		return authorId;
	}

	Cursor cursor() {
		return new Cursor(createdAt, id);
	}

	PostView view() {
		return new PostView(id, authorId, authorHandle, caption, createdAt);
	}

	PostEvents.Created created() {
		return new PostEvents.Created(id, authorId, authorHandle, caption, createdAt);
	}
}
