package com.emporium.product.wishlists;

import java.time.Instant;
import java.util.UUID;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * A shopper put a product on their wishlist (not published again when it was already there).
 * Topic {@code emporium.product.wishlist-item-added.v1}, key = product id; contract in
 * {@code docs/events.md}.
 */
@Externalized("emporium.product.wishlist-item-added.v1::#{#this.subject()}")
public record WishlistItemAdded(UUID eventId, Instant occurredAt, UUID userId, UUID productId)
		implements EmporiumEvent {

	@Override
	public String subject() {
		return this.productId.toString();
	}

}
