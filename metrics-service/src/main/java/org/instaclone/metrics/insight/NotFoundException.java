package org.instaclone.metrics.insight;

/**
 * The post, campaign or app does not exist here or is not the viewer's: the same answer either way, so ids
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

	static NotFoundException app() {
		return new NotFoundException("app-not-found", "You have no app with webhook deliveries with this id.");
	}

	/** The problem type: {@code post-not-found}, {@code campaign-not-found} or {@code app-not-found}. */
	public String slug() {
		return slug;
	}
}
