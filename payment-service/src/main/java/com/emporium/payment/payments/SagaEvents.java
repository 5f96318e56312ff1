package com.emporium.payment.payments;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Our view of order-service's events ({@code data} only, the fields we read; nullable because the
 * wire may lack them, {@link PaymentSaga} checks). Contracts in {@code docs/events.md}.
 */
final class SagaEvents {

	private SagaEvents() {
	}

	/** {@code emporium.order.payment-requested.v1}: take {@code amount} for the order. */
	record PaymentRequested(@Nullable UUID orderId, @Nullable String orderNumber, @Nullable UUID customerId,
			@Nullable BigDecimal amount, @Nullable String currency, @Nullable String paymentMethod) {
	}

	/** {@code emporium.order.order-cancelled.v1}: with {@code refund}, what was captured goes back. */
	record OrderCancelled(@Nullable UUID orderId, @Nullable String reason, @Nullable Boolean refund) {
	}

}
