package org.instaclone.follow.account;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** Response bodies of the account API. */
final class AccountResponses {

	private AccountResponses() {
	}

	/** The signed-in user's own account: the only view that shows the e-mail address. */
	record Me(UUID id, String handle, String email, String displayName, String bio, long followers, long following,
			Instant createdAt) {

		static Me of(Account a) {
			return new Me(a.getId(), a.getHandle(), a.getEmail(), a.getDisplayName(), a.getBio(),
					a.getFollowersCount(), a.getFollowingCount(), a.getCreatedAt());
		}
	}

	/** A public profile. */
	record Profile(UUID id, String handle, String displayName, String bio, long followers, long following,
			Instant createdAt) {

		static Profile of(Account a) {
			return new Profile(a.getId(), a.getHandle(), a.getDisplayName(), a.getBio(), a.getFollowersCount(),
					a.getFollowingCount(), a.getCreatedAt());
		}
	}

	/**
	 * Tokens after sign-up, sign-in or refresh. {@code refreshToken} is left out for browsers, which
	 * get it only as an HttpOnly cookie that page scripts cannot read.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Tokens(String accessToken, String tokenType, long expiresIn, @Nullable String refreshToken, Me account) {
	}
}
