package org.instaclone.upload.media;

import org.springframework.http.HttpStatus;

/** An upload that is not an image this service accepts; nothing was stored. */
public class ImageRejectedException extends RuntimeException {

	private final Reason reason;

	ImageRejectedException(Reason reason, String detail) {
		super(detail);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	/** Why, with the problem each reason is answered with (docs/problems.md). */
	public enum Reason {

		EMPTY(HttpStatus.BAD_REQUEST, "empty-image", "Empty image"),
		INVALID_FILE_NAME(HttpStatus.BAD_REQUEST, "invalid-file-name", "Invalid file name"),
		UNSUPPORTED_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-image-type", "Unsupported image type"),
		TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "image-too-large", "Image too large"),
		TOO_MANY_PIXELS(HttpStatus.UNPROCESSABLE_CONTENT, "image-too-many-pixels", "Image has too many pixels"),
		UNREADABLE(HttpStatus.UNPROCESSABLE_CONTENT, "unreadable-image", "Unreadable image");

		private final HttpStatus status;

		private final String slug;

		private final String title;

		Reason(HttpStatus status, String slug, String title) {
			this.status = status;
			this.slug = slug;
			this.title = title;
		}

		public HttpStatus status() {
			return status;
		}

		public String slug() {
			return slug;
		}

		public String title() {
			return title;
		}
	}
}
