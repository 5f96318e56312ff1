package com.emporium.user.addresses;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's default addresses, for the other features of this service. */
@Service
public class DefaultAddresses {

	private final Addresses addresses;

	DefaultAddresses(Addresses addresses) {
		this.addresses = addresses;
	}

	/** @param shipping the default shipping address, or null; likewise {@code billing} */
	public record Defaults(@Nullable PostalAddress shipping, @Nullable PostalAddress billing) {
	}

	/** As the current transaction sees them (its own changes included). */
	@Transactional
	public Defaults of(UUID userId) {
		PostalAddress shipping = null;
		PostalAddress billing = null;
		for (Address address : this.addresses.findDefaultsOf(userId)) {
			if (address.defaultShipping()) {
				shipping = PostalAddress.of(address);
			}
			if (address.defaultBilling()) {
				billing = PostalAddress.of(address);
			}
		}
		return new Defaults(shipping, billing);
	}

}
