@NullMarked
package org.instaclone.follow;

import org.jspecify.annotations.NullMarked;
