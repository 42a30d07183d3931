@NullMarked
package org.instaclone.integrations.delivery;

import org.jspecify.annotations.NullMarked;
