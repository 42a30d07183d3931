@NullMarked
package org.instaclone.upload.feed;

import org.jspecify.annotations.NullMarked;
