package org.instaclone.follow.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Request bodies of the account API. Unknown fields are rejected (strict JSON, see service-defaults). */
final class AccountRequests {

	private AccountRequests() {
	}

	/**
	 * Passwords: 12 to 128 characters (OWASP ASVS 2.1.1 and a cap against long-password DoS); never
	 * truncated.
	 */
	record SignUp(
			@NotBlank @Pattern(regexp = "[A-Za-z0-9._]{3,30}",
					message = "must be 3 to 30 letters, digits, dots or underscores") String handle,
			@NotBlank @Email @Size(max = 254) String email,
			@NotBlank @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password) {
	}

	record SignIn(@NotBlank @Size(max = 254) String login, @NotBlank @Size(max = 128) String password) {
	}

	/** Body of refresh and sign-out; browsers send the token as an HttpOnly cookie instead. */
	record RefreshRequest(@Nullable @Size(max = 100) String refreshToken) {
	}

	/** Only these two fields of a profile are writable by its owner; {@code null} leaves a field as is. */
	record ProfileUpdate(@Nullable @Size(min = 1, max = 50) String displayName,
			@Nullable @Size(max = 300) String bio) {
	}
}
