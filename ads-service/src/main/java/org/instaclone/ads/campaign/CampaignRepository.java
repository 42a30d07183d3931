package org.instaclone.ads.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CampaignRepository extends JpaRepository<Campaign, UUID> {

	/** Someone else's campaign is simply not found. */
	Optional<Campaign> findByIdAndAdvertiserId(UUID id, UUID advertiserId);

	/** First page of an advertiser's campaigns, newest first (index {@code campaign_advertiser_created}). */
	List<Campaign> findByAdvertiserIdOrderByCreatedAtDescIdDesc(UUID advertiserId, Limit limit);

	@Query("""
			select c from Campaign c
			where c.advertiserId = :advertiser and (c.createdAt < :at or (c.createdAt = :at and c.id < :id))
			order by c.createdAt desc, c.id desc""")
	List<Campaign> findByAdvertiserAfter(@Param("advertiser") UUID advertiserId, @Param("at") Instant at,
			@Param("id") UUID id, Limit limit);
}
