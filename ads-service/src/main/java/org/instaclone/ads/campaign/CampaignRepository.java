package org.instaclone.ads.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
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

	/**
	 * Running or paused campaigns whose schedule is over, locked; rows another instance is ending right
	 * now are skipped ({@code SKIP LOCKED}), so several instances can sweep at once.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
	@Query("""
			select c from Campaign c
			where c.status in (org.instaclone.ads.campaign.CampaignStatus.ACTIVE,
			                   org.instaclone.ads.campaign.CampaignStatus.PAUSED)
			  and c.endsAt <= :now""")
	List<Campaign> findScheduleOver(@Param("now") Instant now, Limit limit);
}
