package com.emporium.user.addresses;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An address as its owner (and, later, the order service) reads it. */
record AddressView(UUID id, AddressLabel label, String recipientName, String line1, @Nullable String line2,
		String city, @Nullable String region, @Nullable String postalCode, String country, @Nullable String phone,
		boolean defaultShipping, boolean defaultBilling, Instant createdAt, Instant updatedAt) {

	static AddressView of(Address address) {
		return new AddressView(address.id(), address.label(), address.recipientName(), address.line1(),
				address.line2(), address.city(), address.region(), address.postalCode(), address.country(),
				address.phone(), address.defaultShipping(), address.defaultBilling(), address.createdAt(),
				address.updatedAt());
	}

}
