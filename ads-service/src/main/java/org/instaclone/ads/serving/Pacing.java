package org.instaclone.ads.serving;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Spreads a daily budget across the (UTC) day: by a fraction {@code f} of the day, a campaign may have
 * spent {@code budget x f} plus a burst allowance of 2% of the budget (at least one impression), never
 * more than the budget. Serving skips a campaign that is ahead of its pace; the hard budget cap is
 * enforced separately, atomically, when an impression is charged.
 */
final class Pacing {

	/** Burst allowance: 1/50 of the daily budget. */
	static final int BURST_DIVISOR = 50;

	private static final double SECONDS_PER_DAY = 86_400;

	private Pacing() {
	}

	static LocalDate day(Instant now) {
		return LocalDate.ofInstant(now, ZoneOffset.UTC);
	}

	/** How much of the UTC day has passed at {@code now}, in [0, 1). */
	static double fractionOfDay(Instant now) {
		long secondOfDay = now.getEpochSecond() - day(now).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
		return (secondOfDay + now.getNano() / 1e9) / SECONDS_PER_DAY;
	}

	/**
	 * The most a campaign may have spent by {@code fraction} of the day, in millicents. The serving
	 * query computes the same formula in SQL; {@code PacingTests} pins both.
	 */
	static long allowedMillicents(long dailyBudgetCents, long bidCpmCents, double fraction) {
		long budget = dailyBudgetCents * 1000;
		long burst = Math.max(budget / BURST_DIVISOR, bidCpmCents);
		return Math.min(budget, (long) Math.floor(budget * fraction) + burst);
	}
}
