package com.emporium.user.accounts;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleTests {

	@Test
	void adminsMayDoEverythingManagersMayAndMore() {
		assertThat(Role.ADMIN.permissions()).containsAll(Role.MANAGER.permissions())
			.contains("users.manage", "roles.manage", "audit.read");
		assertThat(Role.MANAGER.permissions()).contains("users.read", "orders.view_all").doesNotContain("users.manage");
	}

	@Test
	void anAccountMayDoWhatAnyOfItsRolesPermits() {
		assertThat(Role.permissionsOf(EnumSet.of(Role.CUSTOMER, Role.VENDOR))).contains("orders.place",
				"products.manage_own");
		assertThat(Role.permissionsOf(List.of())).isEmpty();
		for (Role role : Role.values()) {
			assertThat(role.permissions()).as(role.name()).contains("profile.manage");
		}
	}

}
