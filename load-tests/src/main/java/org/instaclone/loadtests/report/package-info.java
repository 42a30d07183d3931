/**
 * Reading Gatling's HTML report back: the per-endpoint table that load-tests/run.sh prints and
 * docs/performance.md keeps.
 */
@NullMarked
package org.instaclone.loadtests.report;

import org.jspecify.annotations.NullMarked;
