/**
 * Gatling simulations (Java DSL, open-model arrivals) against a seeded system: the Instagram mix and
 * DeathStarBench's social-network mix. Run by load-tests/run.sh or {@code gatling:test}; settings are
 * system properties ({@link org.instaclone.loadtests.simulation.LoadSettings}).
 */
@NullMarked
package org.instaclone.loadtests.simulation;

import org.jspecify.annotations.NullMarked;
