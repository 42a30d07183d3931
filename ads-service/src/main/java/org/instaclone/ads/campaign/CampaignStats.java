package org.instaclone.ads.campaign;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads campaigns' delivery figures from {@code campaign_day}, which serving writes. One query per page. */
@Component
class CampaignStats {

	private final JdbcClient jdbc;

	CampaignStats(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<UUID, CampaignView.Stats> of(Collection<UUID> campaigns, LocalDate today) {
		Map<UUID, CampaignView.Stats> stats = new HashMap<>();
		if (campaigns.isEmpty()) {
			return stats;
		}
		jdbc.sql("""
				select campaign_id, sum(spent_millicents) as spent,
				       coalesce(sum(spent_millicents) filter (where day = :today), 0) as spent_today,
				       sum(impressions) as impressions, sum(clicks) as clicks
				from campaign_day where campaign_id in (:ids) group by campaign_id""")
			.param("today", today)
			.param("ids", campaigns)
			.query((rs, row) -> stats.put(rs.getObject("campaign_id", UUID.class),
					new CampaignView.Stats(rs.getLong("spent") / 1000, rs.getLong("spent_today") / 1000,
							rs.getLong("impressions"), rs.getLong("clicks"))))
			.list();
		return stats;
	}
}
