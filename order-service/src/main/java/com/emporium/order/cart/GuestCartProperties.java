package com.emporium.order.cart;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code emporium.cart.*}: how long guest carts are kept.
 *
 * @param guestRetention a guest cart not changed for this long is deleted, with its lines
 * @param guestCleanupInterval how often each instance looks for such carts
 */
@ConfigurationProperties("emporium.cart")
record GuestCartProperties(@DefaultValue("30d") Duration guestRetention,
		@DefaultValue("1h") Duration guestCleanupInterval) {

	GuestCartProperties {
		// A zero retention would delete every guest cart at each run, carts in use included.
		if (!guestRetention.isPositive()) {
			throw new IllegalArgumentException(
					"emporium.cart.guest-retention must be positive, was " + guestRetention);
		}
		if (!guestCleanupInterval.isPositive()) {
			throw new IllegalArgumentException(
					"emporium.cart.guest-cleanup-interval must be positive, was " + guestCleanupInterval);
		}
	}

}
