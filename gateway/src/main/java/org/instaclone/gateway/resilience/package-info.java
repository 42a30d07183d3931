/**
 * Fault isolation at the edge: a circuit breaker per upstream service, one retry for idempotent
 * requests, and rate limits per user and per IP. See docs/gateway.md and docs/resilience.md.
 */
@NullMarked
package org.instaclone.gateway.resilience;

import org.jspecify.annotations.NullMarked;
