package com.emporium.order.cart;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** A cart holds one currency; the product is priced in another. */
class CurrencyMismatchException extends ProblemException {

	CurrencyMismatchException(String cartCurrency, String productCurrency) {
		super(HttpStatus.CONFLICT, "currency-mismatch",
				"Your cart is in %s and this product is priced in %s: check out or empty the cart first."
					.formatted(cartCurrency, productCurrency));
		with("cartCurrency", cartCurrency);
		with("productCurrency", productCurrency);
	}

}
