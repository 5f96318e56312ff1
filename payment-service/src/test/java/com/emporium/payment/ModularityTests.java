package com.emporium.payment;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void featuresDependOnEachOthersPublicApiOnlyAndFormNoCycles() {
		ApplicationModules.of(PaymentServiceApplication.class).verify();
	}

}
