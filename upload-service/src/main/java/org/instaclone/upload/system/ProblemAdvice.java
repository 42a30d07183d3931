package org.instaclone.upload.system;

import org.instaclone.platform.problem.Problems;
import org.instaclone.upload.post.NotPostAuthorException;
import org.instaclone.upload.post.PostNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

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

}
