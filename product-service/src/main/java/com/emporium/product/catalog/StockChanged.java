package com.emporium.product.catalog;

import java.time.Instant;
import java.util.UUID;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * The available stock of one variant is now {@code available}: set when the variant is added, when
 * its stock changes, and to 0 when it is removed. Topic {@code emporium.product.stock-changed.v1},
 * key = product id (so one product's changes keep their order); contract in
 * {@code docs/events.md}.
 */
@Externalized("emporium.product.stock-changed.v1::#{#this.subject()}")
public record StockChanged(UUID eventId, Instant occurredAt, UUID productId, String sku, int available)
		implements EmporiumEvent {

	static StockChanged of(Product product, Product.StockLevel level, Instant now) {
		return new StockChanged(UUID.randomUUID(), now, product.id(), level.sku(), level.stock());
	}

	@Override
	public String subject() {
		return this.productId.toString();
	}

}
