package com.emporium.order.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Our view of the saga events product-service and payment-service publish ({@code data} only, the
 * fields we read; nullable because the wire may lack them, {@link OrderSaga} checks). Contracts in
 * {@code docs/events.md} and {@code docs/orders.md}.
 */
final class SagaEvents {

	private SagaEvents() {
	}

	/** {@code emporium.product.stock-reserved.v1}: every line is reserved until {@code expiresAt}. */
	record StockReserved(@Nullable UUID orderId, @Nullable Instant expiresAt) {
	}

	/** {@code emporium.product.stock-reservation-failed.v1}: nothing is reserved; these lines lack stock. */
	record StockReservationFailed(@Nullable UUID orderId, @Nullable List<Line> lines) {

		record Line(@Nullable UUID productId, @Nullable String sku, @Nullable Integer requested,
				@Nullable Integer available) {
		}

	}

	/** {@code emporium.product.stock-released.v1}: the reservation is gone (expired, or released). */
	record StockReleased(@Nullable UUID orderId, @Nullable String reason) {
	}

	/** {@code emporium.payment.payment-succeeded.v1}: {@code amount} was captured. */
	record PaymentSucceeded(@Nullable UUID paymentId, @Nullable UUID orderId, @Nullable BigDecimal amount,
			@Nullable String currency) {
	}

	/** {@code emporium.payment.payment-failed.v1}: nothing was captured. */
	record PaymentFailed(@Nullable UUID paymentId, @Nullable UUID orderId, @Nullable String reason) {
	}

	/**
	 * {@code emporium.payment.payment-refunded.v1}: {@code amount} (this refund, not the total
	 * refunded) went back to the customer.
	 */
	record PaymentRefunded(@Nullable UUID paymentId, @Nullable UUID orderId, @Nullable BigDecimal amount,
			@Nullable String currency, @Nullable String refundId) {
	}

}
