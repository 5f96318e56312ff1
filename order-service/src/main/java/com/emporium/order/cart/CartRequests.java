package com.emporium.order.cart;

import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What clients send to change a cart. */
final class CartRequests {

	private CartRequests() {
	}

	/**
	 * @param sku the variant; may be left out when the product has one
	 * @param quantity 1 to {@code emporium.cart.max-quantity-per-line}, added to the line's
	 */
	record AddItem(@NotNull UUID productId, @Nullable @Size(min = 1, max = 64) String sku,
			@NotNull @Min(value = 1, message = "must be at least 1") Integer quantity) {
	}

	/** @param quantity 1 to {@code emporium.cart.max-quantity-per-line}, replacing the line's */
	record ChangeQuantity(@NotNull @Min(value = 1, message = "must be at least 1") Integer quantity) {
	}

}
