package org.instaclone.integrations.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DeliveryAttemptRepository extends JpaRepository<DeliveryAttempt, UUID> {

	List<DeliveryAttempt> findByDeliveryIdOrderByAttemptedAtDescIdDesc(UUID deliveryId, Limit limit);

	@Query("""
			select a from DeliveryAttempt a
			where a.deliveryId = :delivery and (a.attemptedAt < :at or (a.attemptedAt = :at and a.id < :id))
			order by a.attemptedAt desc, a.id desc""")
	List<DeliveryAttempt> findByDeliveryAfter(@Param("delivery") UUID deliveryId, @Param("at") Instant at,
			@Param("id") UUID id, Limit limit);
}
