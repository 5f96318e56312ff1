package com.emporium.user.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An account as admins and managers see it: everything but the password hash. A deleted account
 * shows its tombstones and {@code deletedAt}.
 */
record AdminUserView(UUID id, String email, String username, String firstName, String lastName,
		@Nullable String phone, List<String> roles, boolean active, Preferences preferences, Instant createdAt,
		Instant updatedAt, @Nullable Instant usernameChangedAt, @Nullable Instant deletedAt) {

	static AdminUserView of(User user) {
		return new AdminUserView(user.id(), user.email(), user.username(), user.firstName(), user.lastName(),
				user.phone(), user.roles(), user.active(), user.preferences(), user.createdAt(), user.updatedAt(),
				user.usernameChangedAt(), user.deletedAt());
	}

}
