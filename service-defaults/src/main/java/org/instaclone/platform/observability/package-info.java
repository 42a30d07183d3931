/**
 * Metrics and tracing defaults every service shares: which meters are kept, so that each service
 * stays within a fixed budget of Prometheus series whatever its traffic (docs/observability.md).
 */
@NullMarked
package org.instaclone.platform.observability;

import org.jspecify.annotations.NullMarked;
