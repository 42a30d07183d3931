package org.instaclone.upload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.instaclone.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole service on real PostgreSQL and Kafka, with MockMvc and a real Tomcat on a random port. Every test class using it shares one
 * Spring context (and one database, broker and media folder), so each test creates its own users and
 * data. Authors with more than 3 followers count as celebrities; a follow backfills 5 posts. Only
 * this service's application.yml is read: the test class path also holds S3Mock's
 * application.properties (lazy initialisation, actuator off), which must not configure this service.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "spring.config.location=classpath:/application.yml", "instaclone.media.local.root=target/test-media", "instaclone.feed.celebrity-threshold=3",
		"instaclone.feed.backfill=5" })
@AutoConfigureMockMvc
@Import({ TestInfrastructure.class, FollowEvents.class })
public @interface ServiceTest {
}
