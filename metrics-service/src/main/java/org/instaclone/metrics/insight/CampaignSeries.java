package org.instaclone.metrics.insight;

import java.time.Instant;
import java.util.List;

/**
 * One campaign's delivery per bucket, oldest first, zeros included. {@code ctr} is clicks per
 * impression (0 without impressions); spend is in millicents, as ads-service charges it.
 */
record CampaignSeries(String granularity, String step, Instant from, Instant to, Totals totals, List<Point> points) {

	record Totals(long impressions, long clicks, double ctr, long spendMillicents) {
	}

	record Point(Instant at, long impressions, long clicks, double ctr, long spendMillicents) {
	}

	static double ctr(long clicks, long impressions) {
		return impressions == 0 ? 0 : (double) clicks / impressions;
	}
}
