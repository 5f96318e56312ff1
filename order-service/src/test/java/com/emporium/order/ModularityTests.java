package com.emporium.order;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void featuresDependOnEachOthersPublicApiOnlyAndFormNoCycles() {
		ApplicationModules.of(OrderServiceApplication.class).verify();
	}

}
