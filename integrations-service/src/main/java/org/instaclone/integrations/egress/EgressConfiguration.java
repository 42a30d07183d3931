package org.instaclone.integrations.egress;

import java.net.InetAddress;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EgressConfiguration {

	/** The JVM's resolver (which caches answers for 30 s by default). */
	@Bean
	HostResolver hostResolver() {
		return InetAddress::getAllByName;
	}
}
