package com.emporium.user.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An account as the audit log records it before and after an admin's change: no password hash, no
 * preferences. {@link #PERSONAL} names the members that deleting the account strips from the log.
 */
record AccountSnapshot(UUID id, String email, String username, String firstName, String lastName,
		@Nullable String phone, List<String> roles, boolean active, @Nullable Instant deletedAt) {

	static final List<String> PERSONAL = List.of("email", "username", "firstName", "lastName", "phone");

	static AccountSnapshot of(User user) {
		return new AccountSnapshot(user.id(), user.email(), user.username(), user.firstName(), user.lastName(),
				user.phone(), user.roles(), user.active(), user.deletedAt());
	}

}
