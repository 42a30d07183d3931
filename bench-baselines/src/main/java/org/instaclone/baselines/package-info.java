/**
 * Yardsticks for the gateway's cost (docs/performance.md, "Gateway cost"): the least an HTTP server
 * can do per request ({@link org.instaclone.baselines.MinimalServer}) and the least a reverse proxy can
 * ({@link org.instaclone.baselines.BareProxy}), both on the Reactor Netty the gateway runs on.
 */
@NullMarked
package org.instaclone.baselines;

import org.jspecify.annotations.NullMarked;
