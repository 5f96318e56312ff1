package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * A product was added to the catalog. Topic {@code emporium.product.product-created.v1}, key =
 * product id; contract in {@code docs/events.md}.
 */
@Externalized("emporium.product.product-created.v1::#{#this.subject()}")
public record ProductCreated(UUID eventId, Instant occurredAt, UUID productId, String name, BigDecimal priceAmount,
		String priceCurrency) implements EmporiumEvent {

	static ProductCreated of(Product product, Instant now) {
		return new ProductCreated(UUID.randomUUID(), now, product.id(), product.name(), product.price().amount(),
				product.price().currency());
	}

	@Override
	public String subject() {
		return this.productId.toString();
	}

}
