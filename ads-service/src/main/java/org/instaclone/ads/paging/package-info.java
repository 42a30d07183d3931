@NullMarked
package org.instaclone.ads.paging;

import org.jspecify.annotations.NullMarked;
