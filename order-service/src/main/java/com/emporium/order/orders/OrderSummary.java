package com.emporium.order.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order in a list. */
public record OrderSummary(UUID id, String number, UUID customerId, OrderStatus status, BigDecimal total,
		String currency, int itemCount, Instant placedAt) {
}
