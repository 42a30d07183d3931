package org.instaclone.upload.feed;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Page;
import org.instaclone.platform.security.Viewer;
import org.instaclone.upload.post.PostView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FeedController {

	private final FeedService feed;

	FeedController(FeedService feed) {
		this.feed = feed;
	}

	@Operation(summary = "The viewer's home feed",
			description = "The viewer's own posts and their followees' posts, newest first. Items have the shape of a post.")
	@GetMapping("/api/feed")
	Page<PostView> feed(Viewer viewer, @RequestParam(required = false) @Size(max = 200) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return feed.feedOf(viewer.id(), cursor, limit);
	}
}
