package org.instaclone.upload.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post as the API shows it (also each item of the home feed).
 *
 * @param caption may be empty for a photo post
 * @param hashtags lower-cased, without '#', sorted
 * @param images the photo's variants, largest first; empty for a text-only post
 */
public record PostView(UUID id, UUID authorId, String authorHandle, String caption, List<String> hashtags,
		List<Image> images, Instant createdAt) {

	/**
	 * One variant of the photo.
	 *
	 * @param kind {@code w1080}, {@code w640}, {@code w320} (widths, never upscaled) or {@code thumb150}
	 * (150 x 150, centre crop)
	 * @param url where to load it, e.g. {@code /api/media/<sha256>.jpg} (no token needed)
	 */
	public record Image(String kind, String url, int width, int height) {
	}
}
