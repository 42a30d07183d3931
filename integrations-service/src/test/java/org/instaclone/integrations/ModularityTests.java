package org.instaclone.integrations;

import org.junit.jupiter.api.Test;

import org.instaclone.testsupport.ModularityAssertions;

class ModularityTests {

	@Test
	void featurePackagesDoNotFormCycles() {
		ModularityAssertions.assertFeaturePackagesFreeOfCycles("org.instaclone.integrations");
	}
}
