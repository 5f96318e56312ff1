package com.emporium.product.reviews;

import java.time.Instant;
import java.util.UUID;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * A shopper reviewed a product. Topic {@code emporium.product.review-posted.v1}, key = product id;
 * contract in {@code docs/events.md}.
 */
@Externalized("emporium.product.review-posted.v1::#{#this.subject()}")
public record ReviewPosted(UUID eventId, Instant occurredAt, UUID reviewId, UUID productId, UUID userId, int rating)
		implements EmporiumEvent {

	@Override
	public String subject() {
		return this.productId.toString();
	}

}
