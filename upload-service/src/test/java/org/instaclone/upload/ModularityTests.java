package org.instaclone.upload;

import org.junit.jupiter.api.Test;

import org.instaclone.testsupport.ModularityAssertions;

class ModularityTests {

	@Test
	void featurePackagesDoNotFormCycles() {
		ModularityAssertions.assertFeaturePackagesFreeOfCycles("org.instaclone.upload");
	}
}
