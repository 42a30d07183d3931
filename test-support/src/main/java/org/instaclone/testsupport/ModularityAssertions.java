package org.instaclone.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The house rule "package by feature" as a test: feature packages under a service's root package do
 * not form cycles, and only {@code system} (cross-cutting config) may be used by all.
 */
public final class ModularityAssertions {

	private ModularityAssertions() {
	}

	public static void assertFeaturePackagesFreeOfCycles(String rootPackage) {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(rootPackage);
		SlicesRuleDefinition.slices()
			.matching(rootPackage + ".(*)..")
			.should()
			.beFreeOfCycles()
			.check(classes);
	}
}
