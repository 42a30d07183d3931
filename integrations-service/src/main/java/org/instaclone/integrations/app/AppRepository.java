package org.instaclone.integrations.app;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AppRepository extends JpaRepository<App, UUID> {

	java.util.Optional<App> findByIdAndOwnerId(UUID id, UUID ownerId);

	boolean existsByIdAndOwnerId(UUID id, UUID ownerId);

	List<App> findByOwnerIdOrderByCreatedAtDescIdDesc(UUID ownerId, Limit limit);

	@Query("""
			select a from App a
			where a.ownerId = :owner and (a.createdAt < :at or (a.createdAt = :at and a.id < :id))
			order by a.createdAt desc, a.id desc""")
	List<App> findByOwnerAfter(@Param("owner") UUID ownerId, @Param("at") Instant at, @Param("id") UUID id,
			Limit limit);
}
