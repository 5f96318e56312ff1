package com.emporium.order.cart;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The {@code X-Cart-Token} names no guest cart the caller may use: unknown, merged into another
 * user's cart, or deleted by {@link GuestCartCleanup} (a deleted cart's token is an unknown token).
 * A 404, as for any id that is not the caller's, so a token's existence does not leak.
 */
class CartNotFoundException extends ProblemException {

	CartNotFoundException() {
		super(HttpStatus.NOT_FOUND, "cart-not-found",
				"No cart goes with this X-Cart-Token. Send no token to start a new cart.");
		with("parameter", ShoppingCarts.TOKEN_HEADER);
	}

}
