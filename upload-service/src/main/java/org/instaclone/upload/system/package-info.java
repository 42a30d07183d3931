@NullMarked
package org.instaclone.upload.system;

import org.jspecify.annotations.NullMarked;
