package com.emporium.user.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An account as admins and managers see it in the user list. */
record AdminUserView(UUID id, String email, String username, String firstName, String lastName,
		@Nullable String phone, List<String> roles, boolean active, Instant createdAt) {

	static AdminUserView of(User user) {
		return new AdminUserView(user.id(), user.email(), user.username(), user.firstName(), user.lastName(),
				user.phone(), user.roles(), user.active(), user.createdAt());
	}

}
