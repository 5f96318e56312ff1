package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * A product changed: its state after the change (not a diff), so consumers replace what they keep.
 * Topic {@code emporium.product.product-updated.v1}, key = product id; contract in
 * {@code docs/events.md}. Stock changes come as {@link StockChanged} instead. Also published for
 * every live product of a category that is renamed ({@link CategoryRenames}).
 *
 * @param version the product's version after the change: a consumer ignores one older than what it
 * has
 * @param categoryName the category's current name (added last: older consumers ignore it), null
 * without a category; a rename of the category publishes this event again for each of its products
 */
@Externalized("emporium.product.product-updated.v1::#{#this.subject()}")
public record ProductUpdated(UUID eventId, Instant occurredAt, UUID productId, UUID storeId, String name, String slug,
		@Nullable String brand, @Nullable UUID categoryId, BigDecimal priceAmount, String priceCurrency,
		@Nullable BigDecimal compareAtAmount, List<String> tags, boolean active, long version,
		@Nullable String categoryName) implements EmporiumEvent {

	static ProductUpdated of(Product product, @Nullable String categoryName, Instant now) {
		Money compareAt = product.compareAtPrice();
		return new ProductUpdated(UUID.randomUUID(), now, product.id(), product.storeId(), product.name(),
				product.slug(), product.brand(), product.categoryId(), product.price().amount(),
				product.price().currency(), (compareAt != null) ? compareAt.amount() : null, product.tags(),
				product.active(), product.version(), categoryName);
	}

	@Override
	public String subject() {
		return this.productId.toString();
	}

}
