package com.emporium.user.accounts;

import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An account an admin opens: the fields and rules of registration, with any roles. The email is
 * normalised (trimmed, lower case) before it is validated.
 */
record CreateAccountRequest(@NotBlank @Email @Size(max = 254) String email,
		@NotNull @Pattern(regexp = Accounts.USERNAME,
				message = "must be 3 to 30 letters, digits, '.', '_' or '-'") String username,
		@NotNull String password, @NotBlank @Size(max = 100) String firstName,
		@NotBlank @Size(max = 100) String lastName,
		@Nullable @Pattern(regexp = Accounts.PHONE,
				message = "must be a phone number: digits, spaces, '-', '(' or ')', optionally starting with '+'") String phone,
		@NotEmpty @Size(max = 4) List<@NotNull Role> roles) {

	CreateAccountRequest {
		email = (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
	}

	@Override
	public String toString() {
		return "CreateAccountRequest[username=%s, roles=%s]".formatted(this.username, this.roles);
	}

}
