package com.emporium.order.cart;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * Someone put {@code quantity} more of a variant in a cart (a first add, an add to an existing line,
 * or a quantity raised). Topic {@code emporium.order.cart-item-added.v1}, key = cart id; contract in
 * {@code docs/events.md}.
 *
 * @param userId the signed-in user, or null for a guest
 * @param recommendationId the id of the recommendation that led to this add, as the add sent it; null
 * when it sent none and for a quantity raised (added later: older consumers ignore it)
 * @param recommendationSource what recommended it (the recommendation's {@code source}), with
 * {@code recommendationId}
 */
@Externalized("emporium.order.cart-item-added.v1::#{#this.subject()}")
public record CartItemAdded(UUID eventId, Instant occurredAt, @Nullable UUID userId, UUID cartId, UUID productId,
		String sku, int quantity, @Nullable String recommendationId,
		@Nullable String recommendationSource) implements EmporiumEvent {

	@Override
	public String subject() {
		return this.cartId.toString();
	}

}
