package org.instaclone.integrations;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Third-party apps and signed webhooks. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IntegrationsApplication {

	public static void main(String[] args) {
		SpringApplication.run(IntegrationsApplication.class, args);
	}

	/** The one clock deliveries are scheduled by (tests move it forward). */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
