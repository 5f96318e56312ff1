package com.emporium.order.orders;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an order is, and the one table of where it may go next. {@code CANCELLED} may become
 * {@code REFUNDED} only for an order that was paid ({@link Order} checks that).
 */
public enum OrderStatus {

	PENDING, AWAITING_PAYMENT, CONFIRMED, PROCESSING, SHIPPED, DELIVERED, CANCELLED, REFUNDED;

	private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.of(PENDING,
			EnumSet.of(AWAITING_PAYMENT, CANCELLED), AWAITING_PAYMENT, EnumSet.of(CONFIRMED, CANCELLED), CONFIRMED,
			EnumSet.of(PROCESSING, SHIPPED, CANCELLED), PROCESSING, EnumSet.of(SHIPPED, CANCELLED), SHIPPED,
			EnumSet.of(DELIVERED), DELIVERED, EnumSet.of(REFUNDED), CANCELLED, EnumSet.of(REFUNDED), REFUNDED,
			EnumSet.noneOf(OrderStatus.class));

	public boolean canBecome(OrderStatus next) {
		return NEXT.get(this).contains(next);
	}

	/** Before shipping: the customer may still cancel. */
	boolean cancellableByCustomer() {
		return canBecome(CANCELLED);
	}

}
