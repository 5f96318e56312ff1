package com.emporium.user.addresses;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An address of the book as the other features of this service read it. */
public record PostalAddress(UUID id, String label, String recipientName, String line1, @Nullable String line2,
		String city, @Nullable String region, @Nullable String postalCode, String country, @Nullable String phone) {

	static PostalAddress of(Address address) {
		return new PostalAddress(address.id(), address.label().name(), address.recipientName(), address.line1(),
				address.line2(), address.city(), address.region(), address.postalCode(), address.country(),
				address.phone());
	}

}
