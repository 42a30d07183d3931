/**
 * Load balancing over a service's instances: the routes go to {@code lb://<service>}, Spring Cloud
 * LoadBalancer picks an instance round robin from the list configured for the service, leaving out
 * instances that are not ready and, for a retried request, the instance it already failed on. See
 * docs/gateway.md "Load balancing".
 */
@NullMarked
package org.instaclone.gateway.balancing;

import org.jspecify.annotations.NullMarked;
