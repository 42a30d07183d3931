package org.instaclone.follow.system;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics this service produces; created at start-up when missing. */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

	@Bean
	NewTopic usersTopic() {
		return TopicBuilder.name("users").partitions(3).build();
	}

	@Bean
	NewTopic followsTopic() {
		return TopicBuilder.name("follows").partitions(3).build();
	}
}
