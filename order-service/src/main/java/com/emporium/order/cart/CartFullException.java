package com.emporium.order.cart;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** The cart has as many lines as it may. */
class CartFullException extends ProblemException {

	CartFullException(int maxLines) {
		super(HttpStatus.CONFLICT, "cart-full",
				"Your cart already has %d different items, the most it can hold.".formatted(maxLines));
		with("maxLines", maxLines);
	}

}
