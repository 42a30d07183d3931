@NullMarked
package org.instaclone.integrations.paging;

import org.jspecify.annotations.NullMarked;
