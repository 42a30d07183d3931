@NullMarked
package org.instaclone.ads.campaign;

import org.jspecify.annotations.NullMarked;
