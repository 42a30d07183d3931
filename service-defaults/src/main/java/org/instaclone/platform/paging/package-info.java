@NullMarked
package org.instaclone.platform.paging;

import org.jspecify.annotations.NullMarked;
