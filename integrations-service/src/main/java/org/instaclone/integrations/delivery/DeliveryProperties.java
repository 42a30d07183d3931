package org.instaclone.integrations.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The delivery scheduler of one instance.
 * @param enabled whether this instance sends webhooks at all
 * @param workers attempts in flight at once (the bounded worker pool)
 * @param perEndpoint attempts in flight at once to one endpoint, so a slow endpoint holds at most this
 * many workers and the others keep flowing
 * @param pollInterval how often to look for due deliveries when nothing wakes the scheduler earlier
 * (new deliveries committed in this instance wake it at once)
 * @param lease how long a claimed delivery stays invisible to other claims; a delivery claimed by an
 * instance that died is tried again after it (longer than the total HTTP timeout)
 * @param targetCache how long workers reuse a looked-up endpoint (URL, secrets, disabled or not); a
 * change reaches them within this time
 */
@ConfigurationProperties("instaclone.integrations.delivery")
record DeliveryProperties(@DefaultValue("true") boolean enabled, @DefaultValue("32") int workers,
		@DefaultValue("8") int perEndpoint, @DefaultValue("250ms") Duration pollInterval,
		@DefaultValue("2m") Duration lease, @DefaultValue("1s") Duration targetCache) {
}
