package com.emporium.user.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The account as its owner sees it. */
record UserView(UUID id, String email, String username, String firstName, String lastName, @Nullable String phone,
		List<String> roles, Instant createdAt) {

	static UserView of(User user) {
		return new UserView(user.id(), user.email(), user.username(), user.firstName(), user.lastName(), user.phone(),
				user.roles(), user.createdAt());
	}

}
