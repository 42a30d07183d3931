package org.instaclone.follow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * follow-service: accounts and profiles, the follow graph, and the access tokens every other
 * service verifies (it publishes the JWKS).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FollowServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(FollowServiceApplication.class, args);
	}
}
