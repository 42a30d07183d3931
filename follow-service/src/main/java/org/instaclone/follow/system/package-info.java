@NullMarked
package org.instaclone.follow.system;

import org.jspecify.annotations.NullMarked;
