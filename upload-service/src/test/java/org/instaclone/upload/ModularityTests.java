package org.instaclone.upload;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.instaclone.testsupport.ModularityAssertions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ModularityTests {

	@Test
	void featurePackagesDoNotFormCycles() {
		ModularityAssertions.assertFeaturePackagesFreeOfCycles("org.instaclone.upload");
	}

	/**
	 * The feed (and everything else here) works with follow-service stopped because nothing in this
	 * service can call another service: no HTTP client of any kind is used. The follow graph arrives
	 * only as Kafka events (see FeedTests, which run with no follow-service at all).
	 */
	@Test
	void noCodeCallsAnotherServiceSynchronously() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.instaclone.upload");
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("java.net.http..", "org.springframework.web.client..",
					"org.springframework.web.reactive.function.client..", "org.springframework.cloud.openfeign..",
					"org.apache.hc..", "okhttp3..")
			.because("the feed must keep working while follow-service is down (DESIGN.md)")
			.check(classes);
	}
}
