package org.instaclone.upload.system;

import org.instaclone.platform.events.EventTopic;
import org.instaclone.upload.post.PostEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topic this service produces to; the deployment creates it (Kafka: at start-up, if missing). */
@Configuration(proxyBeanMethods = false)
class Topics {

	@Bean
	EventTopic postsTopic() {
		return EventTopic.of(PostEvents.TOPIC);
	}
}
