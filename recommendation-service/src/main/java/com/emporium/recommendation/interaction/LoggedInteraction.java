package com.emporium.recommendation.interaction;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An interaction as other features read it through {@link InteractionLog}: only the fields that
 * training, serving and attribution need (no prices, positions or carts).
 *
 * @param type what happened
 * @param userId the shopper's account, or null for an anonymous shopper
 * @param sessionId the anonymous shopper's {@code X-Session-Id}, if known
 * @param productId the product
 * @param occurredAt when the shopper did it
 * @param quantity cart changes and purchases: how many; null otherwise
 * @param rating reviews: 1 to 5; null otherwise
 * @param orderId purchases: the order; null otherwise
 * @param recommendationId recommendation impressions and clicks, and cart adds and purchases that
 * name the list that led to them: which list; null otherwise
 * @param algorithm recommendation impressions and clicks: what made the list, as the client sent it;
 * cart adds and purchases with a {@code recommendationId}: the recommendation's source, as
 * order-service sent it
 * @param context recommendation impressions and clicks: where the list was shown
 */
public record LoggedInteraction(InteractionType type, @Nullable UUID userId, @Nullable String sessionId,
		UUID productId, Instant occurredAt, @Nullable Integer quantity, @Nullable Integer rating,
		@Nullable UUID orderId, @Nullable String recommendationId, @Nullable String algorithm,
		@Nullable String context) {

	/** The prefix of an anonymous shopper's key. */
	public static final String SESSION_PREFIX = "session:";

	/**
	 * Whom it belongs to, as the recommender keys shoppers: the user id, or {@code session:} and the
	 * session id for an anonymous shopper; null when it names neither.
	 */
	public @Nullable String shopperKey() {
		if (this.userId != null) {
			return this.userId.toString();
		}
		return (this.sessionId != null) ? SESSION_PREFIX + this.sessionId : null;
	}

}
