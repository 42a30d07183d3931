/**
 * What the services and the gateway share to verify access tokens: the memory of verified tokens and
 * the last-known-good signing keys on disk.
 */
@NullMarked
package org.instaclone.tokens;

import org.jspecify.annotations.NullMarked;
