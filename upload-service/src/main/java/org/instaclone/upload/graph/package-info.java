@NullMarked
package org.instaclone.upload.graph;

import org.jspecify.annotations.NullMarked;
