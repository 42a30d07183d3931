/**
 * The load generator of issue 10. {@link org.instaclone.loadtests.Seed} is the command-line entry
 * point of the seeding; the Gatling simulations live in the test sources (package {@code simulation}).
 */
@NullMarked
package org.instaclone.loadtests;

import org.jspecify.annotations.NullMarked;
