package com.emporium.order.orders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A postal address, as the order keeps it.
 *
 * @param country ISO 3166-1 alpha-2, upper case ({@code DE}); decides the tax rate of a shipping
 * address
 */
public record Address(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String line1,
		@Nullable @Size(max = 200) String line2, @NotBlank @Size(max = 100) String city,
		@NotBlank @Size(max = 20) String postalCode,
		@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as DE") String country) {

	/** What is kept of an address once its person is erased: the country alone. */
	static Address erased(Address address) {
		return new Address("", "", null, "", "", address.country());
	}

}
