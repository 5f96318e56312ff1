package com.emporium.product.views;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * A shopper viewed a product (a counted view: repeat views by one viewer within the dedup window
 * are not). Topic {@code emporium.product.product-viewed.v1}, key = product id; contract in
 * {@code docs/events.md}.
 *
 * @param occurredAt when the product was read (not when the batch was written)
 */
@Externalized("emporium.product.product-viewed.v1::#{#this.subject()}")
public record ProductViewed(UUID eventId, Instant occurredAt, UUID productId, @Nullable UUID userId,
		@Nullable String sessionId) implements EmporiumEvent {

	@Override
	public String subject() {
		return this.productId.toString();
	}

}
