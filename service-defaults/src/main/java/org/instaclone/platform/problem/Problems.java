package org.instaclone.platform.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details with a stable {@code type} URI. Every problem type an Instaclone
 * API can answer with is listed in {@code docs/problems.md}; the URI's fragment is its anchor there.
 */
public final class Problems {

	/** Base of every problem {@code type}; the slug names the kind of problem. */
	public static final String TYPE_BASE = "https://instaclone.dev/problems/";

	private Problems() {
	}

	public static URI type(String slug) {
		return URI.create(TYPE_BASE + slug);
	}

	public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		problem.setTitle(title);
		return problem;
	}
}
