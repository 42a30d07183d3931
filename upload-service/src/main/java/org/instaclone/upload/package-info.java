@NullMarked
package org.instaclone.upload;

import org.jspecify.annotations.NullMarked;
