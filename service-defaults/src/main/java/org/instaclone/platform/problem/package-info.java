@NullMarked
package org.instaclone.platform.problem;

import org.jspecify.annotations.NullMarked;
