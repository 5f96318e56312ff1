package com.emporium.order.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Checkout: the user's cart becomes an order. Both addresses are required (defaults from the
 * user's profile are not offered yet).
 *
 * @param notes for the shop, up to 1000 characters
 * @param recommendation the recommendation that led to the purchase, for attribution
 */
record PlaceOrderRequest(@NotNull @Valid Address shippingAddress, @NotNull @Valid Address billingAddress,
		@NotNull PaymentMethod paymentMethod, @Nullable @Size(max = 1000) String notes,
		@Nullable @Valid Recommendation recommendation) {

}
