@NullMarked
package org.instaclone.follow.token;

import org.jspecify.annotations.NullMarked;
