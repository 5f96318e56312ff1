package com.emporium.order.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import com.emporium.order.Recommendation;

/**
 * An order as its customer and the shop's staff see it. Amounts are in {@code currency}.
 *
 * @param cancellationReason why it was cancelled, when it was
 * @param refundDue cancelled after payment, and not refunded yet
 * @param refundedAmount the sum of the refunds payment-service reported (each counted once), 0 if none
 * @param history every status it had, oldest first
 */
public record OrderView(UUID id, String number, UUID customerId, OrderStatus status, String currency,
		BigDecimal subtotal, BigDecimal tax, BigDecimal shipping, BigDecimal total, PaymentMethod paymentMethod,
		Address shippingAddress, Address billingAddress, @Nullable String notes,
		@Nullable Recommendation recommendation, List<Line> lines,
		@Nullable String cancellationReason, boolean refundDue,
		@Schema(description = "The sum of the refunds payment-service reported (PaymentRefunded, each refund "
				+ "counted once), 0 if none; a DELIVERED order becomes REFUNDED when it reaches the total")
		BigDecimal refundedAmount, Instant placedAt, Instant updatedAt, List<Change> history) {

	public record Line(UUID productId, String sku, String name, BigDecimal unitPrice, int quantity,
			BigDecimal lineTotal) {
	}

	/** @param from null for the first entry (the order was placed) */
	public record Change(@Nullable OrderStatus from, OrderStatus to, Instant at, String by, @Nullable String note) {
	}

}
