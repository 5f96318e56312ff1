package com.emporium.user.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A partial profile change: a missing (or null) field stays as it is; an empty phone removes it.
 * {@code preferences}, when sent, replace the stored preferences as a whole.
 */
record UpdateProfileRequest(
		@Nullable @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String firstName,
		@Nullable @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String lastName,
		@Nullable @Pattern(regexp = "|" + Accounts.PHONE,
				message = "must be a phone number: digits, spaces, '-', '(' or ')', optionally starting with '+'") String phone,
		@Nullable @Valid PreferencesRequest preferences) {
}
