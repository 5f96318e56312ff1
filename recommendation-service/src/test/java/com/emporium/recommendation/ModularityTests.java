package com.emporium.recommendation;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void featuresDependOnEachOthersPublicApiOnlyAndFormNoCycles() {
		ApplicationModules.of(RecommendationServiceApplication.class).verify();
	}

}
