package org.instaclone.follow.token;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** One refresh token of a sign-in "family". Only its SHA-256 is stored. */
@Entity
@Table(name = "refresh_token")
class RefreshToken {

	@Id
	private UUID id;

	@Column(name = "family_id")
	private UUID familyId;

	@Column(name = "account_id")
	private UUID accountId;

	@Column(name = "token_hash")
	private byte[] tokenHash;

	@Column(name = "issued_at")
	private Instant issuedAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "used_at")
	private @Nullable Instant usedAt;

	@Column(name = "revoked_at")
	private @Nullable Instant revokedAt;

	protected RefreshToken() {
	}

	RefreshToken(UUID familyId, UUID accountId, byte[] tokenHash, Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.familyId = familyId;
		this.accountId = accountId;
		this.tokenHash = tokenHash;
		this.issuedAt = Instant.now();
		this.expiresAt = expiresAt;
	}

	boolean isUsable(Instant now) {
		return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
	}

	boolean wasAlreadyRotated() {
		return usedAt != null;
	}

	void markUsed() {
		this.usedAt = Instant.now();
	}

	UUID getFamilyId() {
		return familyId;
	}

	UUID getAccountId() {
		return accountId;
	}
}
