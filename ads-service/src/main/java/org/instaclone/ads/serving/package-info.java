/**
 * Ad serving: picks placements for a viewer, records impressions (charging the daily budget
 * atomically) and clicks (redirecting only to the campaign's own URL). Hot path: no calls to other
 * services, one SQL statement per placement request.
 */
@NullMarked
package org.instaclone.ads.serving;

import org.jspecify.annotations.NullMarked;
