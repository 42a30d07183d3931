@NullMarked
package org.instaclone.platform.web;

import org.jspecify.annotations.NullMarked;
