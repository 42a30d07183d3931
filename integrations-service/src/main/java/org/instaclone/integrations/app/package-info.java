@NullMarked
package org.instaclone.integrations.app;

import org.jspecify.annotations.NullMarked;
