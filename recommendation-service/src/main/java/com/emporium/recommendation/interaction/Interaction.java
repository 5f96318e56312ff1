package com.emporium.recommendation.interaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One interaction, as stored in {@code interactions}. Null fields are not written, so a view costs
 * only its ids and time.
 *
 * @param eventId the unique key ({@code _id}): the id of the event it came from, so a re-delivered
 * event stores nothing more; for a purchase a name-based UUID of order and line, for a posted
 * interaction one of type, recommendation, product and caller (a repeated post counts once)
 * @param type what happened
 * @param userId the shopper's account, or null for an anonymous one
 * @param sessionId an anonymous shopper's {@code X-Session-Id}, if known
 * @param productId the product (it may be unknown to the replica yet, or deleted since)
 * @param occurredAt when the shopper did it
 * @param quantity cart changes and purchases: how many
 * @param unitPrice purchases: the price paid for one, in {@code currency}
 * @param currency ISO 4217, with {@code unitPrice}
 * @param position search and recommendation clicks and impressions: the place in the list, from 1
 * @param rating reviews: 1 to 5
 * @param orderId purchases: the order
 * @param cartId cart changes: the cart (a guest cart's only link between its changes)
 * @param recommendationId recommendation impressions and clicks, and cart adds and purchases that name
 * one: which list
 * @param algorithm recommendation impressions and clicks: what made the list; cart adds and purchases:
 * the recommendation's source, as order-service sent it
 * @param context recommendation impressions and clicks: where the list was shown (not known for cart adds)
 */
@Document("interactions")
record Interaction(@Id UUID eventId, InteractionType type, @Nullable UUID userId, @Nullable String sessionId,
		UUID productId, Instant occurredAt, @Nullable Integer quantity, @Nullable BigDecimal unitPrice,
		@Nullable String currency, @Nullable Integer position, @Nullable Integer rating, @Nullable UUID orderId,
		@Nullable UUID cartId, @Nullable String recommendationId, @Nullable String algorithm,
		@Nullable String context) {

	static Interaction of(UUID eventId, InteractionType type, @Nullable UUID userId, @Nullable String sessionId,
			UUID productId, Instant occurredAt) {
		return new Interaction(eventId, type, userId, sessionId, productId, occurredAt, null, null, null, null, null,
				null, null, null, null, null);
	}

	Interaction withQuantity(int quantity) {
		return new Interaction(this.eventId, this.type, this.userId, this.sessionId, this.productId, this.occurredAt,
				quantity, this.unitPrice, this.currency, this.position, this.rating, this.orderId, this.cartId,
				this.recommendationId, this.algorithm, this.context);
	}

	Interaction withPurchase(UUID orderId, BigDecimal unitPrice, String currency) {
		return new Interaction(this.eventId, this.type, this.userId, this.sessionId, this.productId, this.occurredAt,
				this.quantity, unitPrice, currency, this.position, this.rating, orderId, this.cartId,
				this.recommendationId, this.algorithm, this.context);
	}

	Interaction withPosition(int position) {
		return new Interaction(this.eventId, this.type, this.userId, this.sessionId, this.productId, this.occurredAt,
				this.quantity, this.unitPrice, this.currency, position, this.rating, this.orderId, this.cartId,
				this.recommendationId, this.algorithm, this.context);
	}

	Interaction withRating(int rating) {
		return new Interaction(this.eventId, this.type, this.userId, this.sessionId, this.productId, this.occurredAt,
				this.quantity, this.unitPrice, this.currency, this.position, rating, this.orderId, this.cartId,
				this.recommendationId, this.algorithm, this.context);
	}

	Interaction withCart(UUID cartId) {
		return new Interaction(this.eventId, this.type, this.userId, this.sessionId, this.productId, this.occurredAt,
				this.quantity, this.unitPrice, this.currency, this.position, this.rating, this.orderId, cartId,
				this.recommendationId, this.algorithm, this.context);
	}

	Interaction withRecommendation(String recommendationId, @Nullable String algorithm, @Nullable String context) {
		return new Interaction(this.eventId, this.type, this.userId, this.sessionId, this.productId, this.occurredAt,
				this.quantity, this.unitPrice, this.currency, this.position, this.rating, this.orderId, this.cartId,
				recommendationId, algorithm, context);
	}

}
