package com.emporium.order.orders;

import java.util.List;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** Why a checkout is refused. */
final class CheckoutProblems {

	private CheckoutProblems() {
	}

	/** Nothing to order. */
	static ProblemException emptyCart() {
		return new ProblemException(HttpStatus.CONFLICT, "cart-empty", "Your cart is empty: add something first.");
	}

	/** Some lines name products no longer on sale, or the cart's prices are in several currencies. */
	static ProblemException notOrderable(String detail, List<String> skus) {
		return new ProblemException(HttpStatus.CONFLICT, "cart-not-orderable", detail).with("skus", skus);
	}

	/** The key was used with another request: a client bug, or a key reused by mistake. */
	static ProblemException keyReused() {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
				"This Idempotency-Key was used for a different checkout in the last 24 hours; use a new key for a "
						+ "new order.")
			.with("parameter", "Idempotency-Key");
	}

}
