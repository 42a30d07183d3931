@NullMarked
package org.instaclone.gateway.security;

import org.jspecify.annotations.NullMarked;
