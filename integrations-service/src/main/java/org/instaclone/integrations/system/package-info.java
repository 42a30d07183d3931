@NullMarked
package org.instaclone.integrations.system;

import org.jspecify.annotations.NullMarked;
