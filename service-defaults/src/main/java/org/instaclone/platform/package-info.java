/**
 * Plumbing shared by every Instaclone service, auto-configured when a service depends on this module.
 * Sub-packages are features of the platform: {@code problem} (RFC 9457 errors), {@code security}
 * (the JWT resource server), {@code events} (transactional outbox, relay, idempotent consumers) and
 * {@code web} (OpenAPI and actuator defaults).
 */
@NullMarked
package org.instaclone.platform;

import org.jspecify.annotations.NullMarked;
