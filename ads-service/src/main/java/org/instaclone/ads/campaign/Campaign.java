package org.instaclone.ads.campaign;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import org.instaclone.platform.paging.Cursor;

/**
 * An advertiser's campaign. Created as a draft; only its owner changes it; status moves only through
 * {@link #activate}, {@link #pause} and {@link #end}. Spend is not here: serving charges it per day in
 * {@code campaign_day}, so an edit can never overwrite a concurrent charge. {@code version} guards
 * edits against lost updates (optimistic locking).
 */
@Entity
@Table(name = "campaign")
class Campaign {

	@Id
	private UUID id;

	private UUID advertiserId;

	private String name;

	private String headline;

	private @Nullable String mediaKey;

	private String callToActionUrl;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] targetHashtags;

	private long dailyBudgetCents;

	private long bidCpmCents;

	private @Nullable Instant startsAt;

	private @Nullable Instant endsAt;

	@Enumerated(EnumType.STRING)
	private CampaignStatus status;

	@Version
	private long version;

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
		campaign.mediaKey = request.mediaKey();
		campaign.callToActionUrl = request.callToActionUrl().strip();
		campaign.targetHashtags = hashtags(request.targetHashtags() == null ? List.of() : request.targetHashtags());
		campaign.dailyBudgetCents = request.dailyBudgetCents();
		campaign.bidCpmCents = request.bidCpmCents();
		campaign.startsAt = micros(request.startsAt());
		campaign.endsAt = micros(request.endsAt());
		campaign.status = CampaignStatus.DRAFT;
		campaign.createdAt = now.truncatedTo(ChronoUnit.MICROS);
		campaign.updatedAt = campaign.createdAt;
		campaign.checkRules(now, true);
		return campaign;
	}

	boolean isOwnedBy(UUID advertiser) {
		return advertiserId.equals(advertiser);
	}

	/** @return whether the caller's version (from an {@code If-Match}) is the current one */
	boolean isVersion(long expected) {
		return version == expected;
	}

	void edit(CampaignRequests.CampaignChanges changes, Instant now) {
		if (status == CampaignStatus.ENDED) {
			throw new CampaignStateException("An ended campaign cannot be edited. Create a new one.");
		}
		if (changes.name() != null) {
			name = changes.name().strip();
		}
		if (changes.headline() != null) {
			headline = changes.headline().strip();
		}
		if (changes.mediaKey() != null) {
			mediaKey = changes.mediaKey();
		}
		if (changes.callToActionUrl() != null) {
			callToActionUrl = changes.callToActionUrl().strip();
		}
		if (changes.targetHashtags() != null) {
			targetHashtags = hashtags(changes.targetHashtags());
		}
		if (changes.dailyBudgetCents() != null) {
			dailyBudgetCents = changes.dailyBudgetCents();
		}
		if (changes.bidCpmCents() != null) {
			bidCpmCents = changes.bidCpmCents();
		}
		if (changes.startsAt() != null) {
			startsAt = micros(changes.startsAt());
		}
		if (changes.endsAt() != null) {
			endsAt = micros(changes.endsAt());
		}
		checkRules(now, changes.endsAt() != null);
		updatedAt = now.truncatedTo(ChronoUnit.MICROS);
	}

	/** @return whether the status changed (activating an active campaign is a no-op) */
	boolean activate(Instant now) {
		if (status == CampaignStatus.ACTIVE) {
			return false;
		}
		if (status == CampaignStatus.ENDED) {
			throw new CampaignStateException("An ended campaign cannot run again. Create a new one.");
		}
		if (mediaKey == null) {
			throw new CampaignStateException("The campaign has no creative yet. Set its mediaKey first.");
		}
		if (endsAt != null && !endsAt.isAfter(now)) {
			throw new CampaignStateException("The campaign's schedule ended at " + endsAt + ". Move endsAt first.");
		}
		status = CampaignStatus.ACTIVE;
		updatedAt = now.truncatedTo(ChronoUnit.MICROS);
		return true;
	}

	/** @return whether the status changed (pausing a paused campaign is a no-op) */
	boolean pause(Instant now) {
		if (status == CampaignStatus.DRAFT || status == CampaignStatus.ENDED) {
			throw new CampaignStateException("A " + status.api() + " campaign is not running, so it cannot be paused.");
		}
		if (status == CampaignStatus.PAUSED) {
			return false;
		}
		status = CampaignStatus.PAUSED;
		updatedAt = now.truncatedTo(ChronoUnit.MICROS);
		return true;
	}

	/** Ends the campaign for good. @return whether the status changed (ending an ended campaign is a no-op) */
	boolean end(Instant now) {
		if (status == CampaignStatus.ENDED) {
			return false;
		}
		status = CampaignStatus.ENDED;
		updatedAt = now.truncatedTo(ChronoUnit.MICROS);
		return true;
	}

	private void checkRules(Instant now, boolean endsAtChanged) {
		// one impression costs bidCpmCents millicents; a budget that cannot pay for one is a mistake
		if (bidCpmCents > dailyBudgetCents * 1000) {
			throw new InvalidCampaignException("dailyBudgetCents",
					"must pay for at least one impression at the bid (bidCpmCents / 1000 cents)");
		}
		if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
			throw new InvalidCampaignException("endsAt", "must be after startsAt");
		}
		if (endsAtChanged && endsAt != null && !endsAt.isAfter(now)) {
			throw new InvalidCampaignException("endsAt", "must be in the future");
		}
	}

	private static String[] hashtags(List<String> input) {
		return Hashtags.normalize(input).toArray(String[]::new);
	}

	private static @Nullable Instant micros(@Nullable Instant at) {
		return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
	}

	Cursor cursor() {
		return new Cursor(createdAt, id);
	}

	CampaignView view(CampaignView.Stats stats) {
		return new CampaignView(id, name, headline, mediaKey, callToActionUrl, List.of(targetHashtags),
				dailyBudgetCents, bidCpmCents, startsAt, endsAt, status.api(), version, stats.spentCents(),
				stats.spentTodayCents(), stats.impressions(), stats.clicks(), createdAt, updatedAt);
	}

	CampaignEvents.Snapshot snapshot() {
		return new CampaignEvents.Snapshot(id, advertiserId, name, headline, mediaKey, callToActionUrl,
				List.of(targetHashtags), dailyBudgetCents, bidCpmCents, startsAt, endsAt, status.api(), updatedAt);
	}

	UUID id() {
		return id;
	}

	long version() {
		return version;
	}
}
