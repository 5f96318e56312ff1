package com.emporium.user.accounts;

import java.util.Locale;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An admin's partial change of an account: a missing (or null) field stays as it is; an empty phone
 * removes it. The email is normalised (trimmed, lower case) before it is validated.
 */
record ChangeAccountRequest(
		@Nullable @Email @Size(max = 254) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String email,
		@Nullable @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String firstName,
		@Nullable @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String lastName,
		@Nullable @Pattern(regexp = "|" + Accounts.PHONE,
				message = "must be a phone number: digits, spaces, '-', '(' or ')', optionally starting with '+'") String phone) {

	ChangeAccountRequest {
		email = (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
	}

}
