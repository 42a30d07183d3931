@NullMarked
package org.instaclone.integrations;

import org.jspecify.annotations.NullMarked;
