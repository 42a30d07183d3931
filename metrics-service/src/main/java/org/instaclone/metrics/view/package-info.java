/**
 * The client view beacon: batches of post views, validated, queued in bounded memory and written to
 * PostgreSQL in large batches, each event id counted once.
 */
@NullMarked
package org.instaclone.metrics.view;

import org.jspecify.annotations.NullMarked;
