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

	/**
	 * @param recommendation the recommendation credited with the line: its cart line's, else the
	 * checkout's, else null
	 */
	// Named apart from the cart's line, which springdoc would otherwise merge with it under "Line".
	@Schema(name = "OrderLine", description = "A line of an order, with its own copy of name, SKU and price")
	public record Line(UUID productId, String sku, String name, BigDecimal unitPrice, int quantity,
			BigDecimal lineTotal,
			@Schema(description = "The recommendation credited with this line: the one its cart line was added "
					+ "with (POST /cart/items), else the checkout's (POST /orders), else null (also for lines "
					+ "placed before lines kept one). Sent in OrderPlaced as recommendationId and "
					+ "recommendationSource.", nullable = true) @Nullable Recommendation recommendation) {
	}

	/** @param from null for the first entry (the order was placed) */
	public record Change(@Nullable OrderStatus from, OrderStatus to, Instant at, String by, @Nullable String note) {
	}

}
