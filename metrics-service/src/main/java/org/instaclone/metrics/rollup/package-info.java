@NullMarked
package org.instaclone.metrics.rollup;

import org.jspecify.annotations.NullMarked;
