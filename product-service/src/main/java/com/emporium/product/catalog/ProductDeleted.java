package com.emporium.product.catalog;

import java.time.Instant;
import java.util.UUID;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * A product was deleted: shoppers no longer find it and it cannot be ordered; past orders keep
 * their own copy. Topic {@code emporium.product.product-deleted.v1}, key = product id; contract in
 * {@code docs/events.md}.
 */
@Externalized("emporium.product.product-deleted.v1::#{#this.subject()}")
public record ProductDeleted(UUID eventId, Instant occurredAt, UUID productId, UUID storeId)
		implements EmporiumEvent {

	static ProductDeleted of(Product product, Instant now) {
		return new ProductDeleted(UUID.randomUUID(), now, product.id(), product.storeId());
	}

	@Override
	public String subject() {
		return this.productId.toString();
	}

}
