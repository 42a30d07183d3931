@NullMarked
package org.instaclone.follow.graph;

import org.jspecify.annotations.NullMarked;
