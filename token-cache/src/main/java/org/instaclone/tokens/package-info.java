/**
 * What the services and the gateway share to verify access tokens: the memory of verified tokens, the
 * last-known-good signing keys on disk, and the answer from the keys in memory when the JWKS fetch is
 * rate-limited.
 */
@NullMarked
package org.instaclone.tokens;

import org.jspecify.annotations.NullMarked;
