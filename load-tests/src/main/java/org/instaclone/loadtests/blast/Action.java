package org.instaclone.loadtests.blast;

import java.util.List;

/**
 * The user actions of the blast-radius workload, each with its arrival rate (per second, open model).
 * The ad placements ride with every feed read, as the web client asks for them beside the feed.
 *
 * @param name the column in the report and the value in requests.csv
 * @param title the column's heading
 * @param perSecond arrivals per second
 */
record Action(String name, String title, int perSecond) {

	static final Action FEED = new Action("feed", "feed read", 10);

	static final Action ADS = new Action("ads", "ad placements", 10);

	static final Action PROFILE = new Action("profile", "profile read", 4);

	static final Action POST = new Action("post", "text post", 2);

	static final Action SIGN_IN = new Action("sign-in", "sign-in", 1);

	static final List<Action> ALL = List.of(FEED, ADS, PROFILE, POST, SIGN_IN);

	static int totalPerSecond() {
		return ALL.stream().mapToInt(Action::perSecond).sum();
	}

	static Action named(String name) {
		return ALL.stream()
			.filter(action -> action.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no action " + name));
	}
}
