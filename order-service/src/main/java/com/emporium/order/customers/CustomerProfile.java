package com.emporium.order.customers;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A customer as the read model knows them.
 *
 * @param defaultShippingAddress null when they have none; likewise {@code defaultBillingAddress}
 */
public record CustomerProfile(UUID customerId, String email, @Nullable String firstName, @Nullable String lastName,
		@Nullable ProfileAddress defaultShippingAddress, @Nullable ProfileAddress defaultBillingAddress) {

	/** An address of the customer's address book, as user-service stores it. */
	public record ProfileAddress(@Nullable String recipientName, @Nullable String line1, @Nullable String line2,
			@Nullable String city, @Nullable String region, @Nullable String postalCode, @Nullable String country,
			@Nullable String phone) {
	}

}
