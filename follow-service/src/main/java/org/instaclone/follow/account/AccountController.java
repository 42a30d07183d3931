package org.instaclone.follow.account;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.instaclone.follow.token.RefreshTokens;
import org.instaclone.follow.token.TokenProperties;
import org.instaclone.platform.security.Viewer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up, sign-in, refresh and sign-out. Browsers (recognised by the Fetch Metadata header
 * {@code Sec-Fetch-Mode}, which page scripts cannot set) receive the refresh token only as an
 * HttpOnly, SameSite=Strict cookie scoped to {@code /api/accounts}; other clients get it in the body.
 */
@RestController
@RequestMapping("/api/accounts")
class AccountController {

	static final String REFRESH_COOKIE = "instaclone_refresh";

	private final AccountService accounts;

	private final TokenProperties tokens;

	AccountController(AccountService accounts, TokenProperties tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@Operation(summary = "Create an account and sign in")
	@PostMapping
	ResponseEntity<AccountResponses.Tokens> signUp(@Valid @RequestBody AccountRequests.SignUp request,
			HttpServletRequest http) {
		SignedIn signedIn = accounts.signUp(request);
		return respond(HttpStatus.CREATED, signedIn, http)
			.location(URI.create("/api/users/" + signedIn.account().getHandle()))
			.body(body(signedIn, http));
	}

	@Operation(summary = "Sign in with handle or e-mail and password")
	@PostMapping("/sign-in")
	ResponseEntity<AccountResponses.Tokens> signIn(@Valid @RequestBody AccountRequests.SignIn request,
			HttpServletRequest http) {
		SignedIn signedIn = accounts.signIn(request);
		return respond(HttpStatus.OK, signedIn, http).body(body(signedIn, http));
	}

	@Operation(summary = "Exchange a refresh token (body or cookie) for new tokens; the old one is retired")
	@PostMapping("/refresh")
	ResponseEntity<AccountResponses.Tokens> refresh(
			@Valid @RequestBody(required = false) AccountRequests.@Nullable RefreshRequest request,
			@CookieValue(name = REFRESH_COOKIE, required = false) @Nullable String cookie, HttpServletRequest http) {
		SignedIn signedIn = accounts.refresh(refreshTokenFrom(request, cookie));
		return respond(HttpStatus.OK, signedIn, http).body(body(signedIn, http));
	}

	@Operation(summary = "Sign out: revoke the refresh token (body or cookie) and its whole family")
	@PostMapping("/sign-out")
	ResponseEntity<Void> signOut(
			@Valid @RequestBody(required = false) AccountRequests.@Nullable RefreshRequest request,
			@CookieValue(name = REFRESH_COOKIE, required = false) @Nullable String cookie) {
		String token = request != null && request.refreshToken() != null ? request.refreshToken() : cookie;
		if (token != null) {
			accounts.signOut(token);
		}
		return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie("", 0).toString()).build();
	}

	@Operation(summary = "The signed-in user's own account")
	@GetMapping("/me")
	AccountResponses.Me me(Viewer viewer) {
		return AccountResponses.Me.of(accounts.me(viewer.id()));
	}

	private static String refreshTokenFrom(AccountRequests.@Nullable RefreshRequest request,
			@Nullable String cookie) {
		if (request != null && request.refreshToken() != null && !request.refreshToken().isBlank()) {
			return request.refreshToken();
		}
		if (cookie != null && !cookie.isBlank()) {
			return cookie;
		}
		throw new RefreshTokens.InvalidRefreshToken();
	}

	private ResponseEntity.BodyBuilder respond(HttpStatus status, SignedIn signedIn, HttpServletRequest http) {
		return ResponseEntity.status(status)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.SET_COOKIE,
					cookie(signedIn.refreshToken(), tokens.refreshTokenTtl().toSeconds()).toString());
	}

	private AccountResponses.Tokens body(SignedIn signedIn, HttpServletRequest http) {
		boolean browser = http.getHeader("Sec-Fetch-Mode") != null;
		return new AccountResponses.Tokens(signedIn.accessToken().value(), "Bearer",
				signedIn.accessToken().expiresIn(), browser ? null : signedIn.refreshToken(),
				AccountResponses.Me.of(signedIn.account()));
	}

	private ResponseCookie cookie(String value, long maxAgeSeconds) {
		return ResponseCookie.from(REFRESH_COOKIE, value)
			.httpOnly(true)
			.secure(tokens.refreshCookieSecure())
			.sameSite("Strict")
			.path("/api/accounts")
			.maxAge(maxAgeSeconds)
			.build();
	}
}
