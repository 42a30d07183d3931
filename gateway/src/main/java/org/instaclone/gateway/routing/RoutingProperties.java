package org.instaclone.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits the gateway applies to routed traffic. Routes, service URLs and HTTP client timeouts are in
 * {@code spring.cloud.gateway.server.webflux.*} (see application.yml).
 *
 * @param maxRequestSize the largest request body the gateway forwards; a little above upload-service's
 * own limit, so that a photo that is slightly too big gets the service's more specific problem
 */
@ConfigurationProperties("instaclone.gateway")
record RoutingProperties(@DefaultValue("25MB") DataSize maxRequestSize) {
}
