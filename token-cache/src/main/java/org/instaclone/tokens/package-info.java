/**
 * The memory of verified access tokens shared by the services and the gateway.
 */
package org.instaclone.tokens;
