package org.instaclone.upload.post;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.security.Viewer;
import org.instaclone.platform.paging.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/posts")
class PostController {

	private final PostService service;

	PostController(PostService service) {
		this.service = service;
	}

	@PostMapping
	ResponseEntity<PostView> publish(Viewer viewer, @Valid @RequestBody NewPost request) {
		PostView post = service.publish(viewer, request);
		return ResponseEntity.created(URI.create("/api/posts/" + post.id())).body(post);
	}

	@GetMapping("/{id}")
	PostView find(Viewer viewer, @PathVariable UUID id) {
		return service.find(id);
	}

	/** An author's posts, newest first; without {@code author}, the viewer's own. */
	@GetMapping
	Page<PostView> byAuthor(Viewer viewer, @RequestParam(required = false) @Nullable UUID author,
			@RequestParam(required = false) @Size(max = 200) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return service.byAuthor(author != null ? author : viewer.id(), cursor, limit);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id) {
		service.delete(viewer, id);
		return ResponseEntity.noContent().build();
	}
}
