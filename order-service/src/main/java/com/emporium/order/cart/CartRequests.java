package com.emporium.order.cart;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.emporium.order.Recommendation;

/** What clients send to change a cart. */
final class CartRequests {

	private CartRequests() {
	}

	/**
	 * @param sku the variant; may be left out when the product has one
	 * @param quantity 1 to {@code emporium.cart.max-quantity-per-line}, added to the line's
	 * @param recommendation the recommendation that led to this add, for attribution (as at checkout)
	 */
	record AddItem(@NotNull UUID productId, @Nullable @Size(min = 1, max = 64) String sku,
			@NotNull @Min(value = 1, message = "must be at least 1") Integer quantity,
			@Schema(description = "The recommendation that led to this add, as at checkout (source up to 50 "
					+ "characters, id up to 100): kept on the line (a line keeps the first it got) and "
					+ "published with CartItemAdded for attribution") @Nullable @Valid Recommendation recommendation) {
	}

	/** @param quantity 1 to {@code emporium.cart.max-quantity-per-line}, replacing the line's */
	record ChangeQuantity(@NotNull @Min(value = 1, message = "must be at least 1") Integer quantity) {
	}

}
