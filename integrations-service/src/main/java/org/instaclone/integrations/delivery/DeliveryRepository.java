package org.instaclone.integrations.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DeliveryRepository extends JpaRepository<Delivery, UUID> {

	Optional<Delivery> findByIdAndAppId(UUID id, UUID appId);

	List<Delivery> findByAppIdOrderByCreatedAtDescIdDesc(UUID appId, Limit limit);

	@Query("""
			select d from Delivery d
			where d.appId = :app and (d.createdAt < :at or (d.createdAt = :at and d.id < :id))
			order by d.createdAt desc, d.id desc""")
	List<Delivery> findByAppAfter(@Param("app") UUID appId, @Param("at") Instant at, @Param("id") UUID id,
			Limit limit);
}
