package org.instaclone.ads.serving;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.instaclone.ads.campaign.CampaignEvents;
import org.instaclone.platform.events.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * Serving rules, in PostgreSQL. Picking placements is one call of a database function (eligibility,
 * pacing, frequency cap, order, and recording what was served); charging an impression is a
 * conditional UPDATE that can never take a day's spend past its budget, however many run at once.
 */
@Service
class ServingService {

	/** The same ad at most this many times per viewer per {@link #CAP_WINDOW}. */
	static final int FREQUENCY_CAP = 3;

	static final Duration CAP_WINDOW = Duration.ofHours(1);

	/** How long after serving an impression may be reported (and charged). */
	static final Duration REPORT_WINDOW = Duration.ofHours(1);

	/** How long served slots are kept (clicks on older ones answer 404). */
	static final Duration RETENTION = Duration.ofDays(7);

	static final int PURGE_BATCH = 10_000;

	private final JdbcClient jdbc;

	private final Outbox outbox;

	ServingService(JdbcClient jdbc, Outbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	/**
	 * Up to {@code slots} ads for the viewer: active, in schedule, within budget and pace, targeted at
	 * one of {@code hashtags} or untargeted, not the viewer's own, not capped; highest bid first (a
	 * targeted match before an untargeted ad at the same bid). Each is recorded as served.
	 * <p>
	 * One round trip: the database function {@code place_ads} (migration V5) takes the viewer's
	 * advisory lock, so one viewer's requests are picked one at a time and parallel ones cannot both
	 * pass the frequency cap, then picks and records in one statement that sees the slots served
	 * before it. It runs as its own (autocommit) transaction, which must not join a caller's: the
	 * lock is held until that transaction ends. Its commit does not wait for the WAL flush (served
	 * slots are not money; impressions and spend stay durable).
	 */
	List<Placement> place(UUID viewer, int slots, List<String> hashtags, Instant at) {
		Assert.state(!TransactionSynchronizationManager.isActualTransactionActive(),
				"placements commit on their own: in the caller's transaction the viewer's lock would be held "
						+ "until it ends, and it would commit without waiting for the WAL flush");
		Instant now = at.truncatedTo(ChronoUnit.MICROS);
		return jdbc.sql("""
				select * from place_ads(:viewer, :slots, string_to_array(:hashtags, ','), :now, :capStart, :cap,
				                        :today, :fraction, :burstDivisor)""")
			.param("viewer", viewer)
			.param("slots", slots)
			.param("hashtags", String.join(",", hashtags))
			.param("now", ts(now))
			.param("capStart", ts(now.minus(CAP_WINDOW)))
			.param("cap", FREQUENCY_CAP)
			.param("today", Pacing.day(now))
			.param("fraction", Pacing.fractionOfDay(now))
			.param("burstDivisor", Pacing.BURST_DIVISOR)
			.query((rs, row) -> Placement.of(rs.getObject("impression_id", UUID.class),
					rs.getObject("campaign_id", UUID.class), rs.getString("headline"), rs.getString("media_key"),
					rs.getString("call_to_action_url")))
			.list();
	}

	/**
	 * Records that the viewer saw the ad. The first report charges the campaign one impression at the
	 * bid it was served at, only if that keeps the day within budget (otherwise it is free); a repeated
	 * report changes nothing.
	 * @return whether this call recorded it (false: it was already recorded)
	 */
	@Transactional
	boolean recordImpression(UUID viewer, UUID impressionId, Instant at) {
		Instant now = at.truncatedTo(ChronoUnit.MICROS);
		// the row lock taken here makes concurrent retries of one impression wait, then find it recorded
		Optional<Served> first = jdbc.sql("""
				update ad_impression set seen_at = :now
				where id = :id and viewer_id = :viewer and seen_at is null and served_at > :reportStart
				returning campaign_id, bid_cpm_cents""")
			.param("now", ts(now))
			.param("reportStart", ts(now.minus(REPORT_WINDOW)))
			.param("id", impressionId)
			.param("viewer", viewer)
			.query((rs, row) -> new Served(rs.getObject("campaign_id", UUID.class), rs.getLong("bid_cpm_cents")))
			.optional();
		if (first.isEmpty()) {
			if (!alreadySeen(viewer, impressionId)) {
				throw new ImpressionExpiredException(impressionId);
			}
			return false;
		}
		Served served = first.get();
		LocalDate today = Pacing.day(now);
		ensureDay(served.campaignId(), today);
		// the budget check and the charge are one statement: a row lock orders concurrent charges and each
		// re-checks the condition against the committed spend before adding to it
		int charged = jdbc.sql("""
				update campaign_day d
				set spent_millicents = d.spent_millicents + :cost, impressions = d.impressions + 1
				from campaign c
				where d.campaign_id = :campaign and d.day = :today and c.id = d.campaign_id
				  and d.spent_millicents + :cost <= c.daily_budget_cents * 1000""")
			.param("cost", served.bidCpmCents())
			.param("campaign", served.campaignId())
			.param("today", today)
			.update();
		long cost = charged == 1 ? served.bidCpmCents() : 0;
		jdbc.sql("update ad_impression set charged_millicents = :cost where id = :id")
			.param("cost", cost)
			.param("id", impressionId)
			.update();
		outbox.append(CampaignEvents.TOPIC, served.campaignId().toString(), AdEvents.IMPRESSION,
				served.campaignId().toString(), new AdEvents.Impression(impressionId, served.campaignId(), cost, now));
		return true;
	}

	/**
	 * Counts the first click on an impression and answers where it leads: always the campaign's own
	 * stored call-to-action URL, never anything from the request.
	 */
	@Transactional
	String click(UUID viewer, UUID impressionId, Instant at) {
		Instant now = at.truncatedTo(ChronoUnit.MICROS);
		Optional<UUID> first = jdbc.sql("""
				update ad_impression set clicked_at = :now
				where id = :id and viewer_id = :viewer and clicked_at is null
				returning campaign_id""")
			.param("now", ts(now))
			.param("id", impressionId)
			.param("viewer", viewer)
			.query(UUID.class)
			.optional();
		if (first.isPresent()) {
			UUID campaign = first.get();
			ensureDay(campaign, Pacing.day(now));
			jdbc.sql("update campaign_day set clicks = clicks + 1 where campaign_id = :campaign and day = :today")
				.param("campaign", campaign)
				.param("today", Pacing.day(now))
				.update();
			outbox.append(CampaignEvents.TOPIC, campaign.toString(), AdEvents.CLICK, campaign.toString(),
					new AdEvents.Click(impressionId, campaign, now));
		}
		return jdbc.sql("""
				select c.call_to_action_url from ad_impression i join campaign c on c.id = i.campaign_id
				where i.id = :id and i.viewer_id = :viewer""")
			.param("id", impressionId)
			.param("viewer", viewer)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new ImpressionNotFoundException(impressionId));
	}

	/**
	 * @return true if the impression was reported before, false if it was served to the viewer but is
	 * past the report window
	 * @throws ImpressionNotFoundException if no such slot was served to the viewer
	 */
	private boolean alreadySeen(UUID viewer, UUID impressionId) {
		return jdbc.sql("select seen_at is not null from ad_impression where id = :id and viewer_id = :viewer")
			.param("id", impressionId)
			.param("viewer", viewer)
			.query(Boolean.class)
			.optional()
			.orElseThrow(() -> new ImpressionNotFoundException(impressionId));
	}

	/** Deletes up to {@value #PURGE_BATCH} slots served before {@code cutoff}. @return how many */
	@Transactional
	int purgeServedBefore(Instant cutoff) {
		return jdbc.sql("""
				delete from ad_impression where id in (
				    select id from ad_impression where served_at < :cutoff limit :batch)""")
			.param("cutoff", ts(cutoff))
			.param("batch", PURGE_BATCH)
			.update();
	}

	private void ensureDay(UUID campaign, LocalDate day) {
		jdbc.sql("insert into campaign_day (campaign_id, day) values (:campaign, :day) on conflict do nothing")
			.param("campaign", campaign)
			.param("day", day)
			.update();
	}

	/** pgjdbc binds {@code OffsetDateTime} to timestamptz; {@code Instant} it does not know. */
	private static OffsetDateTime ts(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

	private record Served(UUID campaignId, long bidCpmCents) {
	}
}
