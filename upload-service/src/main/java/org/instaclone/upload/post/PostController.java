package org.instaclone.upload.post;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Page;
import org.instaclone.platform.security.Viewer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/posts")
class PostController {

	private final PostService service;

	private final PhotoUploads photos;

	PostController(PostService service, PhotoUploads photos) {
		this.service = service;
		this.photos = photos;
	}

	@Operation(summary = "Publish a photo post",
			description = "Multipart: part `image` (JPEG, PNG or WebP, up to 20 MB and 40 megapixels) and optional "
					+ "field `caption` (up to 2200 characters). The photo is re-encoded to JPEG variants without metadata.")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<PostView> publishPhoto(Viewer viewer, @RequestPart("image") MultipartFile image,
			@RequestParam(name = "caption", required = false) @Size(max = 2200) @Nullable String caption) {
		PostView post = photos.publish(viewer, caption == null ? "" : caption, image);
		return ResponseEntity.created(URI.create("/api/posts/" + post.id())).body(post);
	}

	@Operation(summary = "Publish a text-only post")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PostView> publish(Viewer viewer, @Valid @RequestBody NewPost request) {
		PostView post = service.publish(viewer, request);
		return ResponseEntity.created(URI.create("/api/posts/" + post.id())).body(post);
	}

	@GetMapping("/{id}")
	PostView find(Viewer viewer, @PathVariable UUID id) {
		return service.find(id);
	}

	@Operation(summary = "An author's posts, or a hashtag's posts, newest first",
			description = "Without `author` and `hashtag`: the viewer's own posts. `author` and `hashtag` cannot be combined.")
	@GetMapping
	Page<PostView> list(Viewer viewer, @RequestParam(required = false) @Nullable UUID author,
			@Parameter(description = "a hashtag, with or without '#', any case") @RequestParam(required = false)
			@Pattern(regexp = Hashtags.QUERY_PATTERN) @Nullable String hashtag,
			@RequestParam(required = false) @Size(max = 200) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		if (hashtag != null) {
			if (author != null) {
				throw new InvalidPostQueryException("Filter by author or by hashtag, not both.");
			}
			return service.byHashtag(hashtag, cursor, limit);
		}
		return service.byAuthor(author != null ? author : viewer.id(), cursor, limit);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id) {
		service.delete(viewer, id);
		return ResponseEntity.noContent().build();
	}
}
