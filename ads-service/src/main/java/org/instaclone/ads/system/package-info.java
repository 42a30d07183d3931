@NullMarked
package org.instaclone.ads.system;

import org.jspecify.annotations.NullMarked;
