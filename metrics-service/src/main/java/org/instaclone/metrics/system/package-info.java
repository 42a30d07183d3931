@NullMarked
package org.instaclone.metrics.system;

import org.jspecify.annotations.NullMarked;
