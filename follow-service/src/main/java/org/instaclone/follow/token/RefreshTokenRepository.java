package org.instaclone.follow.token;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RefreshTokenRepository extends JpaRepository<RefreshToken, UUID> {

	/** Locks the row so two concurrent refreshes with one token cannot both rotate it. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<RefreshToken> findByTokenHash(byte[] tokenHash);

	@Modifying
	@Query("update RefreshToken t set t.revokedAt = current_timestamp where t.familyId = :family and t.revokedAt is null")
	int revokeFamily(@Param("family") UUID family);
}
