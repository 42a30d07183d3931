package org.instaclone.ads;

import org.junit.jupiter.api.Test;

import org.instaclone.testsupport.ModularityAssertions;

class ModularityTests {

	@Test
	void featurePackagesDoNotFormCycles() {
		ModularityAssertions.assertFeaturePackagesFreeOfCycles("org.instaclone.ads");
	}
}
