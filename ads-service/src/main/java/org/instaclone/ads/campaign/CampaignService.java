package org.instaclone.ads.campaign;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Cursor;
import org.instaclone.platform.paging.Page;
import org.instaclone.platform.events.Outbox;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Campaign rules. Every change records its event on topic {@code ads} in the same transaction. */
@Service
@Transactional(readOnly = true)
class CampaignService {

	private final CampaignRepository campaigns;

	private final Outbox outbox;

	private final Clock clock = Clock.systemUTC();

	CampaignService(CampaignRepository campaigns, Outbox outbox) {
		this.campaigns = campaigns;
		this.outbox = outbox;
	}

	@Transactional
	CampaignView create(UUID advertiser, CampaignRequests.NewCampaign request) {
		Campaign campaign = campaigns.save(Campaign.draft(advertiser, request, clock.instant()));
		publish(CampaignEvents.CREATED, campaign);
		return campaign.view();
	}

	CampaignView find(UUID advertiser, UUID id) {
		return owned(advertiser, id).view();
	}

	Page<CampaignView> list(UUID advertiser, @Nullable String cursor, int limit) {
		Cursor after = Cursor.decode(cursor);
		Limit fetch = Limit.of(limit + 1);
		List<Campaign> rows = after == null ? campaigns.findByAdvertiserIdOrderByCreatedAtDescIdDesc(advertiser, fetch)
				: campaigns.findByAdvertiserAfter(advertiser, after.at(), after.id(), fetch);
		Page<Campaign> page = Page.of(rows, limit, Campaign::cursor);
		return new Page<>(page.items().stream().map(Campaign::view).toList(), page.nextCursor());
	}

	@Transactional
	CampaignView edit(UUID advertiser, UUID id, CampaignRequests.CampaignChanges changes) {
		Campaign campaign = owned(advertiser, id);
		campaign.edit(changes, clock.instant());
		publish(CampaignEvents.UPDATED, campaign);
		return campaign.view();
	}

	@Transactional
	CampaignView activate(UUID advertiser, UUID id) {
		Campaign campaign = owned(advertiser, id);
		if (campaign.activate(clock.instant())) {
			publish(CampaignEvents.ACTIVATED, campaign);
		}
		return campaign.view();
	}

	@Transactional
	CampaignView pause(UUID advertiser, UUID id) {
		Campaign campaign = owned(advertiser, id);
		if (campaign.pause(clock.instant())) {
			publish(CampaignEvents.PAUSED, campaign);
		}
		return campaign.view();
	}

	private Campaign owned(UUID advertiser, UUID id) {
		return campaigns.findByIdAndAdvertiserId(id, advertiser).orElseThrow(() -> new CampaignNotFoundException(id));
	}

	private void publish(String type, Campaign campaign) {
		outbox.append(CampaignEvents.TOPIC, campaign.id().toString(), type, campaign.id().toString(),
				campaign.snapshot());
	}
}
