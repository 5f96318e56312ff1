package com.emporium.recommendation.interaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Our view of the behaviour events' {@code data}: only the fields we read, nullable because the wire
 * may lack them (the listeners check them). Contracts in {@code docs/events.md}.
 */
final class BehaviourEvents {

	private BehaviourEvents() {
	}

	/** {@code emporium.product.product-viewed.v1}. */
	record ProductViewed(@Nullable Instant occurredAt, @Nullable UUID productId, @Nullable UUID userId,
			@Nullable String sessionId) {
	}

	/** {@code emporium.product.search-result-clicked.v1}. */
	record SearchResultClicked(@Nullable Instant occurredAt, @Nullable UUID productId, @Nullable Integer position,
			@Nullable UUID userId, @Nullable String sessionId) {
	}

	/** {@code emporium.product.wishlist-item-added.v1} and {@code -removed.v1}. */
	record WishlistItemChanged(@Nullable Instant occurredAt, @Nullable UUID userId, @Nullable UUID productId) {
	}

	/** {@code emporium.product.review-posted.v1}. */
	record ReviewPosted(@Nullable Instant occurredAt, @Nullable UUID productId, @Nullable UUID userId,
			@Nullable Integer rating) {
	}

	/**
	 * {@code emporium.order.cart-item-added.v1} and {@code -removed.v1}: the quantity added or taken out;
	 * an add may name the recommendation that led to it ({@code recommendationId} and
	 * {@code recommendationSource}, added later: absent from older producers).
	 */
	record CartItemChanged(@Nullable Instant occurredAt, @Nullable UUID userId, @Nullable UUID cartId,
			@Nullable UUID productId, @Nullable Integer quantity, @Nullable String recommendationId,
			@Nullable String recommendationSource) {
	}

	/** {@code emporium.order.order-placed.v1}. */
	record OrderPlaced(@Nullable Instant occurredAt, @Nullable UUID orderId, @Nullable UUID customerId,
			@Nullable List<@Nullable Line> lines, @Nullable String currency) {

		/**
		 * A line; {@code recommendationId} and {@code recommendationSource} (added later: absent from
		 * older producers) name the recommendation that led to it. They are read as whatever JSON
		 * they hold, so that a value of the wrong type costs the line its recommendation, not the
		 * whole event.
		 */
		record Line(@Nullable UUID productId, @Nullable Integer quantity, @Nullable BigDecimal unitPrice,
				@Nullable Object recommendationId, @Nullable Object recommendationSource) {
		}

	}

	/** {@code emporium.order.order-confirmed.v1}. */
	record OrderConfirmed(@Nullable UUID orderId, @Nullable UUID customerId) {
	}

	/** {@code emporium.order.order-cancelled.v1}. */
	record OrderCancelled(@Nullable UUID orderId) {
	}

	/** {@code emporium.user.user-deleted.v1}. */
	record UserDeleted(@Nullable UUID userId) {
	}

}
