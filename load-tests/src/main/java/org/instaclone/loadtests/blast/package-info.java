/**
 * The blast-radius measurement of issue 11 (monolith/bench/blast-radius.sh): a small seeding and an
 * open-model mix of user actions ({@link BlastLoad}) run against either deployment while one module
 * is faulted, and the markdown report over every shape and fault ({@link BlastRadiusReport}).
 * docs/monolith.md, "Blast radius".
 */
@NullMarked
package org.instaclone.loadtests.blast;

import org.jspecify.annotations.NullMarked;
