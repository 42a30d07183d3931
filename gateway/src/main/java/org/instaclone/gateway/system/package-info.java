@NullMarked
package org.instaclone.gateway.system;

import org.jspecify.annotations.NullMarked;
