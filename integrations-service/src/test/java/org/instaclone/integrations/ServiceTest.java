package org.instaclone.integrations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.instaclone.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole service on real PostgreSQL and Kafka, with MockMvc, a {@link TestClock} and a scripted
 * {@link TestDns}. Every test class using it shares one Spring context (and one database and broker),
 * so each test creates its own users and data. Loopback is exempt from the SSRF guard here (and only
 * here) so webhooks can reach a {@link WebhookReceiver} on 127.0.0.1, and workers do not cache endpoints
 * so a disabled or rotated endpoint shows at once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "instaclone.integrations.egress.allowed-networks=127.0.0.0/8",
		"instaclone.integrations.delivery.workers=8", "instaclone.integrations.delivery.per-endpoint=2",
		"instaclone.integrations.delivery.poll-interval=100ms", "instaclone.integrations.delivery.target-cache=0s", "instaclone.integrations.egress.total-timeout=5s",
		"instaclone.integrations.endpoints.allow-dev-key=true" })
@AutoConfigureMockMvc
@Import({ TestInfrastructure.class, IntegrationsTestConfiguration.class })
public @interface ServiceTest {
}
