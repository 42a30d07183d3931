package org.instaclone.follow.account;

/** The account feature's domain errors, mapped to problem responses in {@code system.ProblemAdvice}. */
public final class AccountExceptions {

	private AccountExceptions() {
	}

	/** The handle or e-mail is already registered. */
	public static final class AlreadyTaken extends RuntimeException {

		private final String field;

		AlreadyTaken(String field) {
			super("That " + field + " is already taken.");
			this.field = field;
		}

		public String field() {
			return field;
		}
	}

	/** Unknown login or wrong password: deliberately indistinguishable. */
	public static final class BadCredentials extends RuntimeException {

		BadCredentials() {
			super("The login or password is not correct.");
		}
	}

	/** Too many failed sign-ins for this login recently. */
	public static final class SignInThrottled extends RuntimeException {

		private final long retryAfterSeconds;

		SignInThrottled(long retryAfterSeconds) {
			super("Too many failed sign-ins for this login. Try again later.");
			this.retryAfterSeconds = retryAfterSeconds;
		}

		public long retryAfterSeconds() {
			return retryAfterSeconds;
		}
	}

	/** Every password-hashing slot stayed busy for the whole wait (PasswordHashing's bulkhead). */
	public static final class PasswordCheckBusy extends RuntimeException {

		PasswordCheckBusy() {
			super("Too many sign-ins are being checked right now. Try again in a moment.");
		}
	}

	/** No account with that handle. */
	public static final class UnknownUser extends RuntimeException {

		public UnknownUser(String handle) {
			super("There is no user with the handle '" + handle + "'.");
		}
	}
}
