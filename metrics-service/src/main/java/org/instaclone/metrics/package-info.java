@NullMarked
package org.instaclone.metrics;

import org.jspecify.annotations.NullMarked;
