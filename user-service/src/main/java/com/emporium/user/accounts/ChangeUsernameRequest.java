package com.emporium.user.accounts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A new username, under the rules of registration. */
record ChangeUsernameRequest(@NotNull @Pattern(regexp = Accounts.USERNAME,
		message = "must be 3 to 30 letters, digits, '.', '_' or '-'") String username) {
}
