package org.instaclone.monolith;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What keeps the twin honest: the five services' code depends on no transport directly, only on the
 * edges each deployment provides, so both deployments run the same code. Checked on the services'
 * main classes as the monolith assembles them (their {@code classes} artifacts).
 * <p>
 * The edges, and the one exception this test names rather than hides (docs/monolith.md):
 * <ul>
 * <li>publishing: services write to the outbox ({@code Outbox}); the transport behind it
 * ({@code EventSender}: Kafka or in-process) belongs to the deployment. No exception.</li>
 * <li>consuming: services mark methods {@code @EventConsumer} and take the events' JSON; the
 * deployment's edge calls them (service-defaults' {@code KafkaEventConsumers}, or the monolith's
 * {@code InProcessEvents}). Topics are declared as {@code EventTopic} beans. No service class names a
 * Kafka type. No exception.</li>
 * <li>HTTP clients: no service calls another service. integrations-service's webhook delivery sends
 * HTTP to third parties by its nature ({@code egress}, and {@code DeliveryWorker} for a content type
 * constant); nothing else may use an HTTP client.</li>
 * </ul>
 */
class TransportBoundaryTests {

	private static final String[] SERVICES = { "org.instaclone.follow..", "org.instaclone.upload..",
			"org.instaclone.ads..", "org.instaclone.integrations..", "org.instaclone.metrics.." };

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.instaclone.follow", "org.instaclone.upload", "org.instaclone.ads",
				"org.instaclone.integrations", "org.instaclone.metrics");

	/** integrations-service's webhook delivery: HTTP to third parties is the feature itself. */
	private static final DescribedPredicate<JavaClass> WEBHOOK_EGRESS = named("webhook egress",
			"org.instaclone.integrations.delivery.DeliveryWorker");

	private static DescribedPredicate<JavaClass> named(String description, String... names) {
		java.util.Set<String> set = java.util.Set.of(names);
		return DescribedPredicate.describe(description, (JavaClass type) -> set.contains(type.getName()));
	}

	@Test
	void servicesAreImported() {
		// a rule over no classes passes; make sure the services are really on the class path
		org.assertj.core.api.Assertions.assertThat(classes.that(resideInAnyPackage(SERVICES))).hasSizeGreaterThan(200);
	}

	@Test
	void servicesPublishThroughTheOutboxOnly() {
		noClasses().that()
			.resideInAnyPackage(SERVICES)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.kafka.core..", "org.apache.kafka.clients.producer..")
			.orShould()
			.dependOnClassesThat()
			.belongToAnyOf(org.instaclone.platform.events.EventSender.class)
			.because("events are written to the outbox in the state change's transaction; the deployment relays them")
			.check(classes);
	}

	@Test
	void noServiceNamesKafka() {
		noClasses().that()
			.resideInAnyPackage(SERVICES)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
			.because("feature code must run unchanged in the monolith, where there is no Kafka")
			.check(classes);
	}

	@Test
	void noServiceCallsAnotherOverHttp() {
		noClasses().that()
			.resideInAnyPackage(SERVICES)
			.and()
			.resideOutsideOfPackage("org.instaclone.integrations.egress..")
			.and(DescribedPredicate.not(WEBHOOK_EGRESS))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web.client..", "org.springframework.web.reactive.function.client..",
					"java.net.http..", "org.apache.hc..", "okhttp3..")
			.orShould()
			.dependOnClassesThat()
			.belongToAnyOf(java.net.HttpURLConnection.class)
			.because("services talk through events and the client, never by calling each other (DESIGN.md)")
			.check(classes);
	}
}
