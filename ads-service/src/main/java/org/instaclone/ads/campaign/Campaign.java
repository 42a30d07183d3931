package org.instaclone.ads.campaign;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.instaclone.platform.paging.Cursor;

/**
 * An advertiser's campaign. Created as a draft; only its owner changes it; status moves only through
 * {@link #activate} and {@link #pause}; spend is written by ad serving (a later issue), never by clients.
 */
@Entity
@Table(name = "campaign")
class Campaign {

	@Id
	private UUID id;

	private UUID advertiserId;

	private String name;

	private String headline;

	private String callToActionUrl;

	private long dailyBudgetCents;

	private long bidCpmCents;

	@Enumerated(EnumType.STRING)
	private CampaignStatus status;

	private long spentCents;

	private Instant createdAt;

	private Instant updatedAt;

	protected Campaign() {
		// for JPA
	}

	static Campaign draft(UUID advertiserId, CampaignRequests.NewCampaign request, Instant now) {
		Campaign campaign = new Campaign();
		campaign.id = UUID.randomUUID();
		campaign.advertiserId = advertiserId;
		campaign.name = request.name().strip();
		campaign.headline = request.headline().strip();
		campaign.callToActionUrl = request.callToActionUrl().strip();
		campaign.dailyBudgetCents = request.dailyBudgetCents();
		campaign.bidCpmCents = request.bidCpmCents();
		campaign.status = CampaignStatus.DRAFT;
		campaign.spentCents = 0;
		campaign.createdAt = now.truncatedTo(ChronoUnit.MICROS);
		campaign.updatedAt = campaign.createdAt;
		return campaign;
	}

	boolean isOwnedBy(UUID advertiser) {
		return advertiserId.equals(advertiser);
	}

	void edit(CampaignRequests.CampaignChanges changes, Instant now) {
		if (changes.name() != null) {
			name = changes.name().strip();
		}
		if (changes.headline() != null) {
			headline = changes.headline().strip();
		}
		if (changes.callToActionUrl() != null) {
			callToActionUrl = changes.callToActionUrl().strip();
		}
		if (changes.dailyBudgetCents() != null) {
			dailyBudgetCents = changes.dailyBudgetCents();
		}
		if (changes.bidCpmCents() != null) {
			bidCpmCents = changes.bidCpmCents();
		}
		updatedAt = now.truncatedTo(ChronoUnit.MICROS);
	}

	/** @return whether the status changed (activating an active campaign is a no-op) */
	boolean activate(Instant now) {
		if (status == CampaignStatus.ACTIVE) {
			return false;
		}
		status = CampaignStatus.ACTIVE;
		updatedAt = now.truncatedTo(ChronoUnit.MICROS);
		return true;
	}

	/** @return whether the status changed (pausing a paused campaign is a no-op) */
	boolean pause(Instant now) {
		if (status == CampaignStatus.DRAFT) {
			throw new CampaignStateException("A draft campaign is not running, so it cannot be paused. Activate it first.");
		}
		if (status == CampaignStatus.PAUSED) {
			return false;
		}
		status = CampaignStatus.PAUSED;
		updatedAt = now.truncatedTo(ChronoUnit.MICROS);
		return true;
	}

	Cursor cursor() {
		return new Cursor(createdAt, id);
	}

	CampaignView view() {
		return new CampaignView(id, name, headline, callToActionUrl, dailyBudgetCents, bidCpmCents, status.api(),
				spentCents, createdAt, updatedAt);
	}

	CampaignEvents.Snapshot snapshot() {
		return new CampaignEvents.Snapshot(id, advertiserId, name, headline, callToActionUrl, dailyBudgetCents,
				bidCpmCents, status.api(), updatedAt);
	}

	UUID id() {
		return id;
	}
}
