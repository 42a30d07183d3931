package org.instaclone.follow.account;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.instaclone.follow.token.AccessTokenIssuer;
import org.instaclone.follow.token.RefreshTokens;
import org.instaclone.platform.events.Outbox;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up, sign-in, token refresh and profiles. Publishes {@code users} events through the outbox. */
@Service
public class AccountService {

	static final String TOPIC = "users";

	/** Handles that would clash with API paths such as {@code /api/users/me}. */
	static final java.util.Set<String> RESERVED_HANDLES = java.util.Set.of("me", "admin", "api", "instaclone",
			"support", "settings");

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final SignInThrottle throttle;

	private final AccessTokenIssuer accessTokens;

	private final RefreshTokens refreshTokens;

	private final Outbox outbox;

	/** Compared against when the login is unknown, so both failures cost the same time. */
	private final String decoyHash;

	AccountService(AccountRepository accounts, PasswordEncoder passwords, SignInThrottle throttle,
			AccessTokenIssuer accessTokens, RefreshTokens refreshTokens, Outbox outbox) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.throttle = throttle;
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
		this.outbox = outbox;
		this.decoyHash = passwords.encode(UUID.randomUUID().toString());
	}

	@Transactional
	SignedIn signUp(AccountRequests.SignUp request) {
		String handle = request.handle().toLowerCase(Locale.ROOT);
		String email = request.email().toLowerCase(Locale.ROOT);
		if (RESERVED_HANDLES.contains(handle) || accounts.existsByHandle(handle)) {
			throw new AccountExceptions.AlreadyTaken("handle");
		}
		if (accounts.existsByEmail(email)) {
			throw new AccountExceptions.AlreadyTaken("email");
		}
		Account account = new Account(handle, email, passwords.encode(request.password()));
		try {
			accounts.saveAndFlush(account);
		}
		catch (DataIntegrityViolationException raced) {
			// a concurrent sign-up took the handle or e-mail between the check and the insert
			throw new AccountExceptions.AlreadyTaken(raced.getMessage() != null && raced.getMessage().contains("email")
					? "email" : "handle");
		}
		outbox.append(TOPIC, account.getId().toString(), "instaclone.user.created.v1", account.getId().toString(),
				Map.of("userId", account.getId(), "handle", account.getHandle(), "displayName",
						account.getDisplayName(), "createdAt", account.getCreatedAt()));
		return tokensFor(account);
	}

	@Transactional(noRollbackFor = { AccountExceptions.BadCredentials.class })
	SignedIn signIn(AccountRequests.SignIn request) {
		String login = request.login().toLowerCase(Locale.ROOT);
		throttle.check(login);
		Account account = (login.contains("@") ? accounts.findByEmail(login) : accounts.findByHandle(login))
			.orElse(null);
		if (account == null) {
			passwords.matches(request.password(), decoyHash);
			throttle.failed(login);
			throw new AccountExceptions.BadCredentials();
		}
		if (!passwords.matches(request.password(), account.getPasswordHash())) {
			throttle.failed(login);
			throw new AccountExceptions.BadCredentials();
		}
		if (passwords.upgradeEncoding(account.getPasswordHash())) {
			account.rehashPassword(passwords.encode(request.password()));
		}
		throttle.succeeded(login);
		return tokensFor(account);
	}

	@Transactional(noRollbackFor = RefreshTokens.InvalidRefreshToken.class)
	SignedIn refresh(String refreshToken) {
		RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken);
		Account account = accounts.findById(rotation.accountId()).orElseThrow(
				RefreshTokens.InvalidRefreshToken::new);
		return new SignedIn(account,
				accessTokens.issue(account.getId(), account.getHandle(), account.getRoles()),
				rotation.refreshToken());
	}

	void signOut(String refreshToken) {
		refreshTokens.revoke(refreshToken);
	}

	@Transactional(readOnly = true)
	Account me(UUID id) {
		// a valid token for a deleted account: treat as signed out
		return accounts.findById(id).orElseThrow(RefreshTokens.InvalidRefreshToken::new);
	}

	@Transactional(readOnly = true)
	Account profile(String handle) {
		return accounts.findByHandle(handle.toLowerCase(Locale.ROOT))
			.orElseThrow(() -> new AccountExceptions.UnknownUser(handle));
	}

	@Transactional
	Account updateProfile(UUID id, AccountRequests.ProfileUpdate update) {
		Account account = me(id);
		if (update.displayName() != null) {
			account.rename(update.displayName().strip());
		}
		if (update.bio() != null) {
			account.describe(update.bio().strip());
		}
		outbox.append(TOPIC, account.getId().toString(), "instaclone.user.updated.v1", account.getId().toString(),
				Map.of("userId", account.getId(), "handle", account.getHandle(), "displayName",
						account.getDisplayName(), "bio", account.getBio(), "updatedAt", Instant.now()));
		return account;
	}

	/** For the follow graph: the account behind a handle. */
	@Transactional(readOnly = true)
	public AccountRef require(String handle) {
		return AccountRef.of(profile(handle));
	}

	@Transactional(readOnly = true)
	public AccountRef require(UUID id) {
		return AccountRef.of(me(id));
	}

	/**
	 * For the follow graph: keep the profile counters in step with a follow or unfollow. The two
	 * account rows are updated in id order, whoever follows whom: A following B while B follows A
	 * would otherwise lock them in opposite orders and deadlock (PostgreSQL aborts one with a 500).
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void countFollow(UUID follower, UUID followee, int delta) {
		if (follower.compareTo(followee) < 0) {
			accounts.addFollowing(follower, delta);
			accounts.addFollowers(followee, delta);
		}
		else {
			accounts.addFollowers(followee, delta);
			accounts.addFollowing(follower, delta);
		}
	}

	private SignedIn tokensFor(Account account) {
		return new SignedIn(account, accessTokens.issue(account.getId(), account.getHandle(), account.getRoles()),
				refreshTokens.start(account.getId()));
	}
}
