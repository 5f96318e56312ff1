package com.emporium.user.accounts;

import java.util.Locale;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What someone sends to open an account. The email is normalised (trimmed, lower case) before it is
 * validated; the password policy is checked by {@link PasswordPolicy}, which needs the other fields.
 */
record RegisterRequest(@NotBlank @Email @Size(max = 254) String email,
		@NotNull @Pattern(regexp = Accounts.USERNAME,
				message = "must be 3 to 30 letters, digits, '.', '_' or '-'") String username,
		@NotNull String password, @NotBlank @Size(max = 100) String firstName,
		@NotBlank @Size(max = 100) String lastName,
		@Nullable @Pattern(regexp = Accounts.PHONE,
				message = "must be a phone number: digits, spaces, '-', '(' or ')', optionally starting with '+'") String phone,
		@Nullable @Pattern(regexp = "CUSTOMER|VENDOR", message = "must be CUSTOMER or VENDOR") String role) {

	RegisterRequest {
		email = (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
	}

	Role roleOrDefault() {
		return (this.role != null) ? Role.valueOf(this.role) : Role.CUSTOMER;
	}

}
