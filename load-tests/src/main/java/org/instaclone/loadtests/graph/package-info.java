/**
 * Follow graphs to seed: read from an edge list (socfb-Reed98) or generated with a power-law degree
 * distribution and a few celebrity accounts.
 */
@NullMarked
package org.instaclone.loadtests.graph;

import org.jspecify.annotations.NullMarked;
