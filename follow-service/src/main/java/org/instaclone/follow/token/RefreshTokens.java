package org.instaclone.follow.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque refresh tokens (256 random bits) with rotation and reuse detection (OAuth 2.0 Security BCP,
 * RFC 9700 section 4.14): every refresh returns a new token and retires the old one; presenting a
 * retired token again means it was stolen or replayed, so the whole family is revoked and both the
 * thief and the user must sign in again.
 */
@Service
public class RefreshTokens {

	private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

	private static final SecureRandom random = new SecureRandom();

	private final RefreshTokenRepository repository;

	private final TokenProperties properties;

	RefreshTokens(RefreshTokenRepository repository, TokenProperties properties) {
		this.repository = repository;
		this.properties = properties;
	}

	/** Starts a new family (a sign-in) and returns its first token. */
	@Transactional(propagation = Propagation.MANDATORY)
	public String start(UUID accountId) {
		return issue(UUID.randomUUID(), accountId);
	}

	/**
	 * Exchanges a refresh token for a new one.
	 * @throws InvalidRefreshToken when the token is unknown, expired, revoked or reused
	 */
	@Transactional(noRollbackFor = InvalidRefreshToken.class)
	public Rotation rotate(String token) {
		RefreshToken current = repository.findByTokenHash(hash(token)).orElseThrow(InvalidRefreshToken::new);
		if (current.wasAlreadyRotated()) {
			int revoked = repository.revokeFamily(current.getFamilyId());
			log.warn("Refresh token reuse detected for account {}: revoked {} tokens of its family",
					current.getAccountId(), revoked);
			throw new InvalidRefreshToken();
		}
		if (!current.isUsable(Instant.now())) {
			throw new InvalidRefreshToken();
		}
		current.markUsed();
		return new Rotation(current.getAccountId(), issue(current.getFamilyId(), current.getAccountId()));
	}

	/** Signs out: revokes the token's family. Unknown tokens are ignored (sign-out is idempotent). */
	@Transactional
	public void revoke(String token) {
		repository.findByTokenHash(hash(token)).ifPresent(t -> repository.revokeFamily(t.getFamilyId()));
	}

	private String issue(UUID family, UUID accountId) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		repository.save(new RefreshToken(family, accountId, hash(token),
				Instant.now().plus(properties.refreshTokenTtl())));
		return token;
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The account the token belonged to and its replacement. */
	public record Rotation(UUID accountId, String refreshToken) {
	}

	/** Unknown, expired, revoked or reused. One answer for all, on purpose. */
	public static final class InvalidRefreshToken extends RuntimeException {

		public InvalidRefreshToken() {
			super("The refresh token is invalid, expired or revoked. Sign in again.");
		}
	}
}
