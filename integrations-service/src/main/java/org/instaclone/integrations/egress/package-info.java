/**
 * Network egress to third parties: the server-side request forgery guard (which URLs and addresses
 * webhooks may reach) and the one HTTP client that sends to them.
 */
@NullMarked
package org.instaclone.integrations.egress;

import org.jspecify.annotations.NullMarked;
