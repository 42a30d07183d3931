package org.instaclone.loadtests.simulation;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.util.function.Function;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * What both simulations share: the HTTP protocol and the open-model injection, a warm-up at the
 * measured rate followed by the measured part.
 */
final class OpenModel {

	/** Prefix of every request name during the warm-up, so the report keeps it apart. */
	static final String WARM_UP = "warm-up ";

	private OpenModel() {
	}

	/**
	 * Connections are shared between virtual users, as a mobile app keeps its connections open (and
	 * as DeathStarBench's wrk2 does); a connection per arrival would measure TCP set-up instead.
	 */
	static HttpProtocolBuilder protocol(LoadSettings settings) {
		return http.baseUrl(settings.base())
			.acceptHeader("application/json")
			.userAgentHeader("instaclone-load-tests")
			.shareConnections()
			.disableWarmUp();
	}

	/**
	 * Arrivals at {@code load.rate} per second, randomised (exponential gaps, as independent users
	 * arrive), first for {@code load.warmup} seconds with requests named {@code warm-up ...}, then for
	 * {@code load.duration} seconds. Open model: arrivals never wait for earlier ones to finish, so a
	 * slow system shows as latency and concurrency, not as a lower offered rate.
	 *
	 * @param scenario builds the scenario for a request-name prefix ("" or {@link #WARM_UP})
	 */
	static PopulationBuilder warmUpThenMeasure(LoadSettings settings, Function<String, ScenarioBuilder> scenario) {
		PopulationBuilder measured = scenario.apply("")
			.injectOpen(constantUsersPerSec(settings.rate()).during(settings.durationSeconds()).randomized());
		if (settings.warmupSeconds() == 0) {
			return measured;
		}
		return scenario.apply(WARM_UP)
			.injectOpen(constantUsersPerSec(settings.rate()).during(settings.warmupSeconds()).randomized())
			.andThen(measured);
	}
}
