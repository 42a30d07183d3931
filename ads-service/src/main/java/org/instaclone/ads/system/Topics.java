package org.instaclone.ads.system;

import org.instaclone.ads.campaign.CampaignEvents;
import org.instaclone.platform.events.EventTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topic this service produces to; the deployment creates it (Kafka: at start-up, if missing). */
@Configuration(proxyBeanMethods = false)
class Topics {

	@Bean
	EventTopic adsTopic() {
		return EventTopic.of(CampaignEvents.TOPIC);
	}
}
