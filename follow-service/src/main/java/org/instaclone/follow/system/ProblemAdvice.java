package org.instaclone.follow.system;

import java.util.List;
import java.util.Map;

import org.instaclone.follow.account.AccountExceptions;
import org.instaclone.follow.graph.GraphExceptions;
import org.instaclone.follow.token.RefreshTokens;
import org.instaclone.platform.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** follow-service's domain errors as RFC 9457 problems; the types are listed in docs/problems.md. */
@RestControllerAdvice
class ProblemAdvice {

	@ExceptionHandler(AccountExceptions.AlreadyTaken.class)
	ProblemDetail taken(AccountExceptions.AlreadyTaken ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, ex.field() + "-taken", "Already taken",
				ex.getMessage());
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", "is already taken")));
		return problem;
	}

	@ExceptionHandler(AccountExceptions.BadCredentials.class)
	ProblemDetail badCredentials(AccountExceptions.BadCredentials ex) {
		return Problems.of(HttpStatus.UNAUTHORIZED, "bad-credentials", "Sign-in failed", ex.getMessage());
	}

	@ExceptionHandler(AccountExceptions.SignInThrottled.class)
	ResponseEntity<ProblemDetail> throttled(AccountExceptions.SignInThrottled ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled", "Too many failed sign-ins",
					ex.getMessage()));
	}

	@ExceptionHandler(AccountExceptions.PasswordCheckBusy.class)
	ResponseEntity<ProblemDetail> busy(AccountExceptions.PasswordCheckBusy ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "sign-in-busy", "Sign-in busy", ex.getMessage()));
	}

	@ExceptionHandler(RefreshTokens.InvalidRefreshToken.class)
	ProblemDetail invalidRefresh(RefreshTokens.InvalidRefreshToken ex) {
		return Problems.of(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Session expired", ex.getMessage());
	}

	@ExceptionHandler(AccountExceptions.UnknownUser.class)
	ProblemDetail unknownUser(AccountExceptions.UnknownUser ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "unknown-user", "No such user", ex.getMessage());
	}

	@ExceptionHandler(GraphExceptions.SelfFollow.class)
	ProblemDetail selfFollow(GraphExceptions.SelfFollow ex) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "self-follow", "Cannot follow yourself",
				ex.getMessage());
	}
}
