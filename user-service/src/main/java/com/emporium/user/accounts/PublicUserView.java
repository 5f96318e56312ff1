package com.emporium.user.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What anyone may see of an account: no email, phone or full name. */
record PublicUserView(UUID id, String username, List<String> roles, Instant createdAt) {

	static PublicUserView of(User user) {
		return new PublicUserView(user.id(), user.username(), user.roles(), user.createdAt());
	}

}
