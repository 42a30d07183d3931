@NullMarked
package org.instaclone.metrics.insight;

import org.jspecify.annotations.NullMarked;
