package org.instaclone.integrations.delivery;

/** Published when new deliveries are recorded; after commit it wakes the scheduler. */
record DeliveriesDue(int count) {
}
