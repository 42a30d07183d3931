@NullMarked
package org.instaclone.gateway;

import org.jspecify.annotations.NullMarked;
