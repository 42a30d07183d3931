@NullMarked
package org.instaclone.integrations.benchmark;

import org.jspecify.annotations.NullMarked;
