package org.instaclone.upload.post;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** Posts by id for other features (the feed), shaped as the API shows them. */
@Component
public class PostLookup {

	private final PostService posts;

	PostLookup(PostService posts) {
		this.posts = posts;
	}

	/** The posts with these ids that still exist, in the order given. */
	public List<PostView> inOrder(List<UUID> ids) {
		return posts.inOrder(ids);
	}
}
