package com.emporium.user.addresses;

import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An address as its owner sends it, whole (to add one or replace one). The country is upper-cased
 * before it is validated; text is trimmed when stored, and blank optional lines are left out.
 * Setting a default flag takes it from the address that had it.
 */
record AddressRequest(@NotNull AddressLabel label, @NotBlank @Size(max = 100) String recipientName,
		@NotBlank @Size(max = 200) String line1, @Nullable @Size(max = 200) String line2,
		@NotBlank @Size(max = 100) String city, @Nullable @Size(max = 100) String region,
		@Nullable @Pattern(regexp = "|" + POSTAL_CODE,
				message = "must be 1 to 16 letters, digits, spaces or dashes") String postalCode,
		@NotNull @CountryCode String country,
		@Nullable @Pattern(regexp = "|" + PHONE,
				message = "must be a phone number: digits, spaces, '-', '(' or ')', optionally starting with '+'") String phone,
		@Nullable Boolean defaultShipping, @Nullable Boolean defaultBilling) {

	static final String POSTAL_CODE = "[A-Za-z0-9]([A-Za-z0-9 -]{0,14}[A-Za-z0-9])?";

	/** As profiles accept phone numbers: 7 to 20 characters, what the column holds. */
	static final String PHONE = "\\+?[0-9][0-9 ()-]{5,17}[0-9]";

	AddressRequest {
		country = (country != null) ? country.strip().toUpperCase(Locale.ROOT) : null;
	}

	boolean shipsByDefault() {
		return Boolean.TRUE.equals(this.defaultShipping);
	}

	boolean billsByDefault() {
		return Boolean.TRUE.equals(this.defaultBilling);
	}

}
