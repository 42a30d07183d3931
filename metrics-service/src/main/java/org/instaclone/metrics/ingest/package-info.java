@NullMarked
package org.instaclone.metrics.ingest;

import org.jspecify.annotations.NullMarked;
