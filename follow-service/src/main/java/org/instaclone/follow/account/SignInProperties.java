package org.instaclone.follow.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-account brute-force throttle (OWASP Authentication Cheat Sheet): after {@code maxFailures}
 * failed sign-ins for one login within {@code window}, password sign-in for that login is refused
 * with 429 until the window ends.
 */
@ConfigurationProperties("instaclone.sign-in")
record SignInProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window) {
}
