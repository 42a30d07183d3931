package org.instaclone.follow.graph;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.instaclone.follow.account.AccountExceptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** HTTP mapping of the follow API: status codes and problem bodies, with the rules stubbed out. */
@WebMvcTest(FollowController.class)
class FollowControllerTests {

	static final UUID ME = UUID.randomUUID();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	FollowService graph;

	@Test
	void pageSizeOutsideOneToHundredIsAProblem() throws Exception {
		mvc.perform(get("/api/users/ann/followers?limit=0").with(signedIn()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/validation"))
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		mvc.perform(get("/api/users/ann/followers?limit=lots").with(signedIn()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void followingYourselfIsUnprocessable() throws Exception {
		willThrow(selfFollow()).given(graph).follow(eq(ME), any());
		mvc.perform(put("/api/follows/me_myself").with(signedIn()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/self-follow"))
			.andExpect(jsonPath("$.detail").value("You cannot follow yourself."));
	}

	@Test
	void unknownUserIsNotFound() throws Exception {
		willThrow(new AccountExceptions.UnknownUser("ghost")).given(graph).follow(eq(ME), eq("ghost"));
		mvc.perform(put("/api/follows/ghost").with(signedIn()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/unknown-user"));
	}

	@Test
	void withoutATokenTheAnswerIsA401Problem() throws Exception {
		mvc.perform(put("/api/follows/ann"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://instaclone.dev/problems/unauthorized"));
	}

	@Test
	void unexpectedFailuresAreA500ProblemWithoutInternals() throws Exception {
		willThrow(new IllegalStateException("connection pool exhausted at 10.0.0.7")).given(graph)
			.follow(eq(ME), eq("ann"));
		mvc.perform(put("/api/follows/ann").with(signedIn()))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Something went wrong on our side. It has been logged."));
	}

	private static GraphExceptions.SelfFollow selfFollow() {
		try {
			new Follow(ME, ME);
			throw new AssertionError("a self-follow must be refused");
		}
		catch (GraphExceptions.SelfFollow ex) {
			return ex;
		}
	}

	private static RequestPostProcessor signedIn() {
		return jwt().jwt(token -> token.subject(ME.toString()).claim("handle", "me_myself"));
	}
}
