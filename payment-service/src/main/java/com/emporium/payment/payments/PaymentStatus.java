package com.emporium.payment.payments;

/**
 * Where a payment is. {@code PENDING}: the money is still to come (a cash-on-delivery or bank
 * transfer collection, or a card the customer has yet to give); {@code SUCCEEDED}: captured;
 * {@code FAILED}: nothing captured; {@code PARTIALLY_REFUNDED}, {@code REFUNDED}: some or all of
 * it went back; {@code CANCELLED}: the order was cancelled before any money was taken.
 */
public enum PaymentStatus {

	PENDING, SUCCEEDED, FAILED, PARTIALLY_REFUNDED, REFUNDED, CANCELLED;

	/** Money was captured and some of it is still with us. */
	boolean captured() {
		return this == SUCCEEDED || this == PARTIALLY_REFUNDED;
	}

	/** Money was captured at some point, refunded or not. */
	boolean everCaptured() {
		return captured() || this == REFUNDED;
	}

}
