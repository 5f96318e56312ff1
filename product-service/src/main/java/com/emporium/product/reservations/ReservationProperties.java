package com.emporium.product.reservations;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.catalog.reservations.*}.
 *
 * @param ttl how long a reservation waits for payment ({@code OrderConfirmed}) before it is
 * released
 * @param expiryInterval how often expired reservations are looked for
 */
@ConfigurationProperties("emporium.catalog.reservations")
@Validated
record ReservationProperties(@NotNull @DefaultValue("PT15M") Duration ttl,
		@NotNull @DefaultValue("PT30S") Duration expiryInterval) {
}
