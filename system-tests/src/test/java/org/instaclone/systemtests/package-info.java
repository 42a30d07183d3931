/**
 * End-to-end tests of the whole local system, started the way the README says and driven only
 * through the gateway.
 */
@NullMarked
package org.instaclone.systemtests;

import org.jspecify.annotations.NullMarked;
