/**
 * Who may see which numbers: post authors and campaign advertisers, learned from {@code posts} and
 * {@code ads} events.
 */
@NullMarked
package org.instaclone.metrics.owner;

import org.jspecify.annotations.NullMarked;
