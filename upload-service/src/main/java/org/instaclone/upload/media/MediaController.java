package org.instaclone.upload.media;

import java.time.Duration;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves stored variants. Public (no token): browsers load them with plain {@code <img>} tags, which
 * cannot send a bearer token, and a key is an unguessable content hash of a picture in a public post.
 * A key's bytes never change, so responses are cacheable forever; Spring answers {@code If-None-Match}
 * with 304 and {@code Range} with 206 for a {@link Resource} body.
 */
@RestController
class MediaController {

	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final BlobStore store;

	MediaController(BlobStore store) {
		this.store = store;
	}

	@GetMapping("/api/media/{key}")
	ResponseEntity<Resource> media(@PathVariable String key) {
		if (!MediaKeys.isValid(key)) {
			throw new MediaNotFoundException();
		}
		Resource file = store.find(key).orElseThrow(MediaNotFoundException::new);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.eTag(MediaKeys.etag(key))
			.cacheControl(FOREVER)
			.header("X-Content-Type-Options", "nosniff")
			.body(file);
	}
}
