package org.instaclone.metrics.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * Turns on {@code @PreAuthorize}: platform-wide numbers need the {@code operator} role (token claim
 * {@code roles}, mapped to {@code ROLE_OPERATOR} by service-defaults).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class MethodSecurity {

}
