@NullMarked
package org.instaclone.upload.post;

import org.jspecify.annotations.NullMarked;
