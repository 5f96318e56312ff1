package com.emporium.user.profiles;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.events.EmporiumEvent;
import com.emporium.user.addresses.PostalAddress;

import org.springframework.modulith.events.Externalized;

/**
 * A user's profile as it is after a change: not a diff. Topic
 * {@code emporium.user.user-profile-changed.v1}, key = user id; contract in {@code docs/events.md}.
 * Carries personal data (email, names, addresses): consumers keep it only as long as the account
 * exists ({@code UserDeleted}).
 *
 * @param version grows with every event of this user: a consumer that has a higher one ignores this
 * @param defaultShippingAddress null when the user has none; likewise {@code defaultBillingAddress}
 */
@Externalized("emporium.user.user-profile-changed.v1::#{#this.subject()}")
public record UserProfileChanged(UUID eventId, Instant occurredAt, UUID userId, String email, String firstName,
		String lastName, @Nullable ProfileAddress defaultShippingAddress,
		@Nullable ProfileAddress defaultBillingAddress, long version) implements EmporiumEvent {

	@Override
	public String subject() {
		return this.userId.toString();
	}

	/**
	 * An address of the user's book, every field user-service stores.
	 *
	 * @param label {@code HOME}, {@code WORK} or {@code OTHER}
	 * @param country ISO 3166-1 alpha-2, upper case
	 */
	public record ProfileAddress(UUID addressId, String label, String recipientName, String line1,
			@Nullable String line2, String city, @Nullable String region, @Nullable String postalCode,
			String country, @Nullable String phone) {

		static @Nullable ProfileAddress of(@Nullable PostalAddress address) {
			if (address == null) {
				return null;
			}
			return new ProfileAddress(address.id(), address.label(), address.recipientName(), address.line1(),
					address.line2(), address.city(), address.region(), address.postalCode(), address.country(),
					address.phone());
		}

	}

}
