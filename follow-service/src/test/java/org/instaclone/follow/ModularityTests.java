package org.instaclone.follow;

import org.junit.jupiter.api.Test;

import org.instaclone.testsupport.ModularityAssertions;

class ModularityTests {

	@Test
	void featurePackagesDoNotDependOnEachOtherInCycles() {
		ModularityAssertions.assertFeaturePackagesFreeOfCycles("org.instaclone.follow");
	}
}
