@NullMarked
package org.instaclone.platform.security;

import org.jspecify.annotations.NullMarked;
