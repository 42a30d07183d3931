package org.instaclone.ads.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;

import org.jspecify.annotations.Nullable;

import org.instaclone.platform.events.Outbox;
import org.instaclone.platform.paging.Cursor;
import org.instaclone.platform.paging.Page;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Campaign rules. Every change records its event on topic {@code ads} in the same transaction. */
@Service
@Transactional(readOnly = true)
class CampaignService {

	static final int SWEEP_BATCH = 100;

	private final CampaignRepository campaigns;

	private final CampaignStats stats;

	private final Outbox outbox;

	private final Clock clock;

	CampaignService(CampaignRepository campaigns, CampaignStats stats, Outbox outbox, Clock clock) {
		this.campaigns = campaigns;
		this.stats = stats;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Transactional
	CampaignView create(UUID advertiser, CampaignRequests.NewCampaign request) {
		Campaign campaign = campaigns.saveAndFlush(Campaign.draft(advertiser, request, clock.instant()));
		publish(CampaignEvents.CREATED, campaign);
		return campaign.view(CampaignView.Stats.NONE);
	}

	CampaignView find(UUID advertiser, UUID id) {
		return view(owned(advertiser, id));
	}

	Page<CampaignView> list(UUID advertiser, @Nullable String cursor, int limit) {
		Cursor after = Cursor.decode(cursor);
		Limit fetch = Limit.of(limit + 1);
		List<Campaign> rows = after == null ? campaigns.findByAdvertiserIdOrderByCreatedAtDescIdDesc(advertiser, fetch)
				: campaigns.findByAdvertiserAfter(advertiser, after.at(), after.id(), fetch);
		Page<Campaign> page = Page.of(rows, limit, Campaign::cursor);
		Map<UUID, CampaignView.Stats> figures = stats.of(page.items().stream().map(Campaign::id).toList(), today());
		return new Page<>(page.items()
			.stream()
			.map(c -> c.view(figures.getOrDefault(c.id(), CampaignView.Stats.NONE)))
			.toList(), page.nextCursor());
	}

	/**
	 * Applies the changes. With {@code expectedVersion} (the client's {@code If-Match}) a campaign that
	 * changed since the client read it is refused; without it, a concurrent edit still cannot be lost
	 * silently ({@code @Version} makes the later commit fail).
	 */
	@Transactional
	CampaignView edit(UUID advertiser, UUID id, @Nullable Long expectedVersion,
			CampaignRequests.CampaignChanges changes) {
		Campaign campaign = owned(advertiser, id);
		if (expectedVersion != null && !campaign.isVersion(expectedVersion)) {
			throw new CampaignChangedException(id);
		}
		campaign.edit(changes, clock.instant());
		campaigns.flush(); // bumps the version now, so the answer and the event carry it
		publish(CampaignEvents.UPDATED, campaign);
		return view(campaign);
	}

	@Transactional
	CampaignView activate(UUID advertiser, UUID id) {
		return transition(advertiser, id, Campaign::activate, CampaignEvents.ACTIVATED);
	}

	@Transactional
	CampaignView pause(UUID advertiser, UUID id) {
		return transition(advertiser, id, Campaign::pause, CampaignEvents.PAUSED);
	}

	@Transactional
	CampaignView end(UUID advertiser, UUID id) {
		return transition(advertiser, id, Campaign::end, CampaignEvents.ENDED);
	}

	/** A status change; a no-op change (already in that status) publishes nothing. */
	private CampaignView transition(UUID advertiser, UUID id, BiPredicate<Campaign, Instant> change, String event) {
		Campaign campaign = owned(advertiser, id);
		if (change.test(campaign, clock.instant())) {
			campaigns.flush(); // bumps the version now, so the answer and the event carry it
			publish(event, campaign);
		}
		return view(campaign);
	}

	/**
	 * Ends campaigns whose {@code endsAt} has passed (they already stopped serving at that instant), a
	 * batch at a time, each with its {@code campaign-ended} event.
	 * @return how many were ended
	 */
	@Transactional
	int endScheduleOver(Instant now) {
		List<Campaign> over = campaigns.findScheduleOver(now, Limit.of(SWEEP_BATCH));
		for (Campaign campaign : over) {
			campaign.end(now);
		}
		campaigns.flush();
		over.forEach(campaign -> publish(CampaignEvents.ENDED, campaign));
		return over.size();
	}

	private Campaign owned(UUID advertiser, UUID id) {
		return campaigns.findByIdAndAdvertiserId(id, advertiser).orElseThrow(() -> new CampaignNotFoundException(id));
	}

	private CampaignView view(Campaign campaign) {
		return campaign.view(stats.of(List.of(campaign.id()), today()).getOrDefault(campaign.id(), CampaignView.Stats.NONE));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private void publish(String type, Campaign campaign) {
		outbox.append(CampaignEvents.TOPIC, campaign.id().toString(), type, campaign.id().toString(),
				campaign.snapshot());
	}
}
