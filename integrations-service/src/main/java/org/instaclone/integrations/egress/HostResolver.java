package org.instaclone.integrations.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, replaceable so tests can play a DNS server that changes its answers (rebinding). */
@FunctionalInterface
public interface HostResolver {

	InetAddress[] resolve(String host) throws UnknownHostException;
}
