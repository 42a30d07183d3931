@NullMarked
package org.instaclone.platform.events;

import org.jspecify.annotations.NullMarked;
