package com.emporium.order.cart;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * Someone took {@code quantity} of a variant out of a cart (a line removed, a quantity lowered, the
 * cart emptied); not sent when checkout empties the cart. Topic
 * {@code emporium.order.cart-item-removed.v1}, key = cart id; contract in {@code docs/events.md}.
 *
 * @param userId the signed-in user, or null for a guest
 */
@Externalized("emporium.order.cart-item-removed.v1::#{#this.subject()}")
public record CartItemRemoved(UUID eventId, Instant occurredAt, @Nullable UUID userId, UUID cartId, UUID productId,
		String sku, int quantity) implements EmporiumEvent {

	@Override
	public String subject() {
		return this.cartId.toString();
	}

}
