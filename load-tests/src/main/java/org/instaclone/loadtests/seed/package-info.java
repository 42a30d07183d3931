/**
 * Seeding through the public API via the gateway: accounts, follows, posts and ad campaigns, and the
 * file of seeded users the simulations sign in from.
 */
@NullMarked
package org.instaclone.loadtests.seed;

import org.jspecify.annotations.NullMarked;
