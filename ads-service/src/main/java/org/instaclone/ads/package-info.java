@NullMarked
package org.instaclone.ads;

import org.jspecify.annotations.NullMarked;
