package com.emporium.order.orders;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.emporium.order.Recommendation;

/**
 * Checkout: the user's cart becomes an order. A missing address is taken from the user's profile
 * (the customer profile read model): the shipping address from its default shipping address, the
 * billing address from its default billing address, else the order's shipping address.
 *
 * @param shippingAddress where it goes, or null for the profile's default
 * @param billingAddress who pays, or null for the profile's default billing address, else the
 * shipping address
 * @param notes for the shop, up to 1000 characters
 * @param recommendation the recommendation that led to the purchase, for attribution: kept on the
 * order, and credited to each line whose cart line has none of its own
 */
record PlaceOrderRequest(
		@Schema(description = "Where it goes; left out: the default shipping address of the user's profile "
				+ "(400 naming shippingAddress when there is none)") @Nullable @Valid Address shippingAddress,
		@Schema(description = "Who pays; left out: the default billing address of the user's profile, else the "
				+ "order's shipping address") @Nullable @Valid Address billingAddress,
		@NotNull PaymentMethod paymentMethod, @Nullable @Size(max = 1000) String notes,
		@Schema(description = "The recommendation that led to the purchase: kept on the order, and credited to "
				+ "each line whose cart line was added without one (lines[].recommendation, OrderPlaced's "
				+ "lines[].recommendationId and recommendationSource)") @Nullable @Valid Recommendation recommendation) {

}
