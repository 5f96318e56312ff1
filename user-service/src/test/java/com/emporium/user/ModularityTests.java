package com.emporium.user;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void featuresDependOnEachOthersPublicApiOnlyAndFormNoCycles() {
		ApplicationModules.of(UserServiceApplication.class).verify();
	}

}
