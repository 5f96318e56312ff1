package com.emporium.recommendation.interaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A purchase that no order event announced (the demo's history), to be recorded as a
 * {@code PURCHASE} interaction by {@link InteractionLog#recordPurchases}.
 *
 * @param eventId the unique key: the same purchase recorded again stores nothing
 * @param userId the shopper's account
 * @param productId the product
 * @param orderId the order (the basket the models learn from)
 * @param occurredAt when it was bought
 * @param quantity how many, 1 or more
 * @param unitPrice the price paid for one, 0 or more, in {@code currency}
 * @param currency ISO 4217
 */
public record PastPurchase(UUID eventId, UUID userId, UUID productId, UUID orderId, Instant occurredAt, int quantity,
		BigDecimal unitPrice, String currency) {

	public PastPurchase {
		if (quantity < 1 || unitPrice.signum() < 0) {
			throw new IllegalArgumentException(
					"A purchase needs a quantity of 1 or more and a unit price of 0 or more");
		}
	}

	Interaction interaction() {
		return Interaction
			.of(this.eventId, InteractionType.PURCHASE, this.userId, null, this.productId, this.occurredAt)
			.withQuantity(this.quantity)
			.withPurchase(this.orderId, this.unitPrice, this.currency);
	}

}
