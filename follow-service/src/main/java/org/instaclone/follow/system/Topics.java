package org.instaclone.follow.system;

import org.instaclone.platform.events.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics this service produces to; the deployment creates them (Kafka: at start-up, if missing). */
@Configuration(proxyBeanMethods = false)
class Topics {

	@Bean
	EventTopic usersTopic() {
		return EventTopic.of("users");
	}

	@Bean
	EventTopic followsTopic() {
		return EventTopic.of("follows");
	}
}
