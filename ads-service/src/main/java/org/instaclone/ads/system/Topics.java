package org.instaclone.ads.system;

import org.apache.kafka.clients.admin.NewTopic;

import org.instaclone.ads.campaign.CampaignEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topic this service produces to; Boot's KafkaAdmin creates it if missing. */
@Configuration(proxyBeanMethods = false)
class Topics {

	@Bean
	NewTopic adsTopic() {
		return TopicBuilder.name(CampaignEvents.TOPIC).partitions(3).build();
	}
}
