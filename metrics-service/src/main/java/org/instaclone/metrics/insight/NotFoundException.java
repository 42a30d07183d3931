package org.instaclone.metrics.insight;

/**
 * The post or campaign does not exist here or is not the viewer's: the same answer either way, so ids
 * leak nothing.
 */
public class NotFoundException extends RuntimeException {

	private final String slug;

	private NotFoundException(String slug, String message) {
		super(message);
		this.slug = slug;
	}

	static NotFoundException post() {
		return new NotFoundException("post-not-found", "You have no post with this id.");
	}

	static NotFoundException campaign() {
		return new NotFoundException("campaign-not-found", "You have no campaign with this id.");
	}

	/** The problem type: {@code post-not-found} or {@code campaign-not-found}. */
	public String slug() {
		return slug;
	}
}
