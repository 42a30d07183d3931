@NullMarked
package org.instaclone.follow.account;

import org.jspecify.annotations.NullMarked;
