package com.emporium.user.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The account as its owner sees it, with what its roles permit (for clients to show what the user
 * may do) and when it last changed.
 */
record UserView(UUID id, String email, String username, String firstName, String lastName, @Nullable String phone,
		List<String> roles, List<String> permissions, Preferences preferences, Instant createdAt, Instant updatedAt,
		@Nullable Instant usernameChangedAt) {

	static UserView of(User user) {
		return new UserView(user.id(), user.email(), user.username(), user.firstName(), user.lastName(), user.phone(),
				user.roles(), user.permissions(), user.preferences(), user.createdAt(), user.updatedAt(),
				user.usernameChangedAt());
	}

}
