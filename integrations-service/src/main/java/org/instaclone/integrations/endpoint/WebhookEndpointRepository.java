package org.instaclone.integrations.endpoint;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WebhookEndpointRepository extends JpaRepository<WebhookEndpoint, UUID> {

	Optional<WebhookEndpoint> findByIdAndAppId(UUID id, UUID appId);

	/** Touches (and locks) only the rows that were failing. */
	@Modifying
	@Query("update WebhookEndpoint e set e.failingSince = null where e.id in :ids and e.failingSince is not null")
	int clearFailingSince(@Param("ids") Collection<UUID> ids);

	/** Starts the failure clock unless it runs already. */
	@Modifying
	@Query("update WebhookEndpoint e set e.failingSince = :at where e.id = :id and e.failingSince is null")
	int markFailingSince(@Param("id") UUID id, @Param("at") Instant at);

	List<WebhookEndpoint> findByAppIdOrderByCreatedAtDescIdDesc(UUID appId, Limit limit);

	@Query("""
			select e from WebhookEndpoint e
			where e.appId = :app and (e.createdAt < :at or (e.createdAt = :at and e.id < :id))
			order by e.createdAt desc, e.id desc""")
	List<WebhookEndpoint> findByAppAfter(@Param("app") UUID appId, @Param("at") Instant at, @Param("id") UUID id,
			Limit limit);

	/** Endpoints of apps owned by one of {@code owners} that subscribed to {@code type}. */
	@Query("""
			select distinct new org.instaclone.integrations.endpoint.Endpoints$Subscriber(e.id, e.appId)
			from WebhookEndpoint e join e.eventTypes t
			where t = :type and e.ownerId in :owners""")
	List<Endpoints.Subscriber> findSubscribers(@Param("type") String type, @Param("owners") Collection<UUID> owners);
}
