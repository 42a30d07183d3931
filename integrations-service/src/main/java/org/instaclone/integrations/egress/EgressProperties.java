package org.instaclone.integrations.egress;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on calls to third-party endpoints.
 * @param connectTimeout time to open the TCP (and TLS) connection
 * @param totalTimeout deadline for the whole exchange, connect to last byte read
 * @param maxResponseBytes response bytes read at most; the rest is discarded with the connection
 * @param maxConnectionsPerHost connections one host name can hold (one slow host cannot take them all)
 * @param allowedNetworks CIDR blocks exempt from the private-address guard: for local development and
 * tests only (e.g. {@code 127.0.0.0/8}), empty by default and never set in production
 */
@ConfigurationProperties("instaclone.integrations.egress")
record EgressProperties(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration totalTimeout,
		@DefaultValue("65536") int maxResponseBytes, @DefaultValue("8") int maxConnectionsPerHost,
		@DefaultValue List<String> allowedNetworks) {
}
