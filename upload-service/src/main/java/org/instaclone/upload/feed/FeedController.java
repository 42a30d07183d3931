package org.instaclone.upload.feed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.security.Viewer;
import org.instaclone.platform.paging.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FeedController {

	private final FeedService feed;

	FeedController(FeedService feed) {
		this.feed = feed;
	}

	/** The viewer's home feed: their own posts and their followees', newest first. */
	@GetMapping("/api/feed")
	Page<FeedItem> feed(Viewer viewer, @RequestParam(required = false) @Size(max = 200) @Nullable String cursor,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
		return feed.feedOf(viewer.id(), cursor, limit);
	}
}
