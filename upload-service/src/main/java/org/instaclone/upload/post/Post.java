package org.instaclone.upload.post;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import org.instaclone.platform.paging.Cursor;
import org.instaclone.platform.security.Viewer;
import org.instaclone.upload.media.ImageVariant;
import org.instaclone.upload.media.MediaKeys;

/** A post: a caption, a photo in several sizes (text-only posts have none), hashtags from the caption. */
@Entity
@Table(name = "post")
class Post {

	@Id
	private UUID id;

	private UUID authorId;

	private String authorHandle;

	private String caption;

	private Instant createdAt;

	@ElementCollection
	@CollectionTable(name = "post_image", joinColumns = @JoinColumn(name = "post_id"))
	@BatchSize(size = 100)
	private List<Image> images = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "post_hashtag", joinColumns = @JoinColumn(name = "post_id"))
	@BatchSize(size = 100)
	private Set<Tag> hashtags = new LinkedHashSet<>();

	protected Post() {
		// for JPA
	}

	private Post(Viewer author, String caption, List<ImageVariant> variants, Instant now) {
		this.id = UUID.randomUUID();
		this.authorId = author.id();
		this.authorHandle = author.handle();
		this.caption = caption;
		// PostgreSQL keeps microseconds; truncating keeps the value returned now equal to the one read later
		this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
		variants.forEach(v -> images.add(new Image(v.kind().id(), v.key(), v.width(), v.height(), v.jpeg().length)));
		Hashtags.in(caption).forEach(tag -> hashtags.add(new Tag(tag, createdAt)));
	}

	static Post publish(Viewer author, String caption, Instant now) {
		return new Post(author, caption, List.of(), now);
	}

	static Post publishPhoto(Viewer author, String caption, List<ImageVariant> variants, Instant now) {
		return new Post(author, caption, variants, now);
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

	Instant createdAt() {
		return createdAt;
	}

	List<String> mediaKeys() {
		return images.stream().map(Image::mediaKey).distinct().toList();
	}

	Cursor cursor() {
		return new Cursor(createdAt, id);
	}

	PostView view() {
		List<PostView.Image> shown = images.stream()
			.sorted(Comparator.comparingInt(Image::width).reversed().thenComparing(Image::kind))
			.map(i -> new PostView.Image(i.kind(), MediaKeys.url(i.mediaKey()), i.width(), i.height()))
			.toList();
		List<String> tags = hashtags.stream().map(Tag::tag).sorted().toList();
		return new PostView(id, authorId, authorHandle, caption, tags, shown, createdAt);
	}

	PostEvents.Created created() {
		List<String> urls = images.stream().filter(i -> i.kind().equals("w1080")).map(i -> MediaKeys.url(i.mediaKey())).toList();
		return new PostEvents.Created(id, authorId, authorHandle, caption, urls.isEmpty() ? null : urls.get(0), createdAt);
	}

	/** One stored variant of the photo. */
	@Embeddable
	record Image(String kind, String mediaKey, int width, int height, int bytes) {
	}

	/** A hashtag, with the post's time so that a tag's posts page newest first from one index. */
	@Embeddable
	record Tag(String tag, @Column(name = "created_at") Instant createdAt) {
	}
}
