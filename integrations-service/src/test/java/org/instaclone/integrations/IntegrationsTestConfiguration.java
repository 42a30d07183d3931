package org.instaclone.integrations;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The test clock and DNS, shared by the one Spring context of the suite. */
@TestConfiguration(proxyBeanMethods = false)
public class IntegrationsTestConfiguration {

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock();
	}

	@Bean
	@Primary
	TestDns testDns() {
		return new TestDns();
	}
}
