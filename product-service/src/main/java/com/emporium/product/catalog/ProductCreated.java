package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * A product was added to the catalog. Topic {@code emporium.product.product-created.v1}, key =
 * product id; contract in {@code docs/events.md}. Fields after {@code priceCurrency} were added
 * later (additive: older consumers ignore them). The stock of its variants follows as
 * {@link StockChanged}.
 *
 * @param categoryName the category's name at the time (added last), null without a category
 */
@Externalized("emporium.product.product-created.v1::#{#this.subject()}")
public record ProductCreated(UUID eventId, Instant occurredAt, UUID productId, String name, BigDecimal priceAmount,
		String priceCurrency, UUID storeId, String slug, @Nullable String brand, @Nullable UUID categoryId,
		@Nullable BigDecimal compareAtAmount, boolean active, @Nullable String categoryName) implements EmporiumEvent {

	static ProductCreated of(Product product, @Nullable String categoryName, Instant now) {
		Money compareAt = product.compareAtPrice();
		return new ProductCreated(UUID.randomUUID(), now, product.id(), product.name(), product.price().amount(),
				product.price().currency(), product.storeId(), product.slug(), product.brand(), product.categoryId(),
				(compareAt != null) ? compareAt.amount() : null, product.active(), categoryName);
	}

	@Override
	public String subject() {
		return this.productId.toString();
	}

}
