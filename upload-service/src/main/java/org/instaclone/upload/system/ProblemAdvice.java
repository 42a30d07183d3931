package org.instaclone.upload.system;

import org.instaclone.platform.problem.Problems;
import org.instaclone.upload.media.ImageRejectedException;
import org.instaclone.upload.media.MediaNotFoundException;
import org.instaclone.upload.media.UploadsBusyException;
import org.instaclone.upload.post.InvalidPostQueryException;
import org.instaclone.upload.post.NotPostAuthorException;
import org.instaclone.upload.post.PostNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** upload-service's domain exceptions as RFC 9457 problems; slugs are documented in docs/problems.md. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice {

	@ExceptionHandler
	ProblemDetail postNotFound(PostNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "post-not-found", "Post not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notAuthor(NotPostAuthorException ex) {
		return Problems.of(HttpStatus.FORBIDDEN, "not-post-author", "Not your post", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidQuery(InvalidPostQueryException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "invalid-post-query", "Invalid post query", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail imageRejected(ImageRejectedException ex) {
		ImageRejectedException.Reason reason = ex.reason();
		return Problems.of(reason.status(), reason.slug(), reason.title(), ex.getMessage());
	}

	/** The servlet container's own limit ({@code spring.servlet.multipart.max-file-size}) hit first. */
	@ExceptionHandler
	ProblemDetail uploadTooLarge(MaxUploadSizeExceededException ex) {
		return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "image-too-large", "Image too large",
				"The upload is larger than this service accepts (see instaclone.media.max-bytes).");
	}

	@ExceptionHandler
	ProblemDetail missingPart(MissingServletRequestPartException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "missing-part", "Missing part",
				"The multipart request has no '" + ex.getRequestPartName() + "' part.");
	}

	@ExceptionHandler
	ProblemDetail brokenMultipart(MultipartException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
				"The request is not a readable multipart/form-data body.");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> busy(UploadsBusyException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, ex.retryAfter().toSeconds())))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "uploads-busy", "Busy processing photos", ex.getMessage()));
	}

	@ExceptionHandler
	ProblemDetail mediaNotFound(MediaNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "media-not-found", "Media not found", ex.getMessage());
	}
}
