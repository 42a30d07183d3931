package org.instaclone.gateway;

import org.instaclone.testsupport.ModularityAssertions;
import org.junit.jupiter.api.Test;

class ModularityTests {

	@Test
	void featurePackagesDoNotDependOnEachOtherInCycles() {
		ModularityAssertions.assertFeaturePackagesFreeOfCycles("org.instaclone.gateway");
	}
}
