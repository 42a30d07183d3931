package org.instaclone.upload.system;

import org.apache.kafka.clients.admin.NewTopic;

import org.instaclone.upload.post.PostEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topic this service produces to; Boot's KafkaAdmin creates it if missing. */
@Configuration(proxyBeanMethods = false)
class Topics {

	@Bean
	NewTopic postsTopic() {
		return TopicBuilder.name(PostEvents.TOPIC).partitions(3).build();
	}
}
