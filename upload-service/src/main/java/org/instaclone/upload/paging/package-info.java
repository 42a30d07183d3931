@NullMarked
package org.instaclone.upload.paging;

import org.jspecify.annotations.NullMarked;
