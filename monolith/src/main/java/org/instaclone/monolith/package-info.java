/**
 * The monolith twin: the five services' own code assembled as one process (docs/monolith.md).
 */
@NullMarked
package org.instaclone.monolith;

import org.jspecify.annotations.NullMarked;
