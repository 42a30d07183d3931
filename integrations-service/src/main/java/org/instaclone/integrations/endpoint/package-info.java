@NullMarked
package org.instaclone.integrations.endpoint;

import org.jspecify.annotations.NullMarked;
