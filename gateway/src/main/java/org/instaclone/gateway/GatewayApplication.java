package org.instaclone.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The single entry point of Instaclone: routes {@code /api/**} to the services by path prefix,
 * verifies access tokens before anything reaches a service, answers every error as RFC 9457 problem
 * JSON, and serves the web client.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}
}
