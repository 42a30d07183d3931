@NullMarked
package org.instaclone.gateway.routing;

import org.jspecify.annotations.NullMarked;
